using System.Diagnostics;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Regions;

namespace Jamsostek.Benchmarks;

/// <summary>Parsing alone: <see cref="UploadIngestor.IngestAsync"/> from memory into a sink that discards the staged chunks.</summary>
public static class Parsing
{
    public static async Task<double> MeasureAsync(byte[] content, string fileName, string region, int rows)
    {
        // One untimed pass first: JIT and the readers' first-use costs are not parsing.
        await IngestAsync(content, fileName, region, rows);
        var best = double.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            await IngestAsync(content, fileName, region, rows);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return rows / best;
    }

    private static async Task IngestAsync(byte[] content, string fileName, string region, int rows)
    {
        using var file = new MemoryStream(content, writable: false);
        var result = await UploadIngestor.IngestAsync(file, fileName, RegionCode.Parse(region), new DiscardingSink(), new IngestionOptions());
        if (result.RowsRead != rows)
        {
            throw new InvalidOperationException($"Parsing {fileName} read {result.RowsRead} rows, not {rows}.");
        }
    }

    private sealed class DiscardingSink : IChunkSink
    {
        public Task WriteChunkAsync(int chunk, ReadOnlyMemory<byte> rows, int rowCount, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
