using System.Diagnostics;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using Xunit.Abstractions;

namespace Jamsostek.Ingestion.Tests;

/// <summary>A province-sized upload: 100,000 rows in one .xlsx, streamed through in bounded memory and time.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class LargeFileTests(IngestionSystem system, ITestOutputHelper output) : IDisposable
{
    private const int Rows = 100_000;

    // Rows are read one at a time and staged a chunk at a time, so memory does not grow with the sheet: about
    // 135 MiB at the peak on a 2-core machine. The bound leaves room for larger GC heaps on larger machines.
    private const long PeakWorkingSetLimit = 400L * 1024 * 1024;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"peserta-{Rows}-{Guid.NewGuid():N}.xlsx");

    [Fact]
    public async Task HundredThousandRowsAreStagedInAHundredChunksWithAMessageEach()
    {
        SpreadsheetWriter.WriteXlsx(_path, [EnrolmentSheet.Sheet(Rows, "5204", "PKS/001/BPJS-SBW/2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            seed: 401, titleLines: EnrolmentSheet.Title("5204", 2025))]);
        var memory = ProcessMemory.StartMeasuring(system.WorkerProcessId);
        var stopwatch = Stopwatch.StartNew();

        var upload = await system.IngestFileAsync("5204", "peserta-provinsi.xlsx", _path, timeout: TimeSpan.FromMinutes(3));

        var elapsed = stopwatch.Elapsed;
        var peak = memory?.PeakBytes();
        output.WriteLine($"{new FileInfo(_path).Length / 1_048_576.0:0.0} MB xlsx ingested in {elapsed.TotalSeconds:0.0} s; " + (peak is { } bytes
            ? $"worker peak working set {bytes / 1_048_576.0:0} MiB (VmHWM), {memory!.BaselineBytes / 1_048_576.0:0} MiB before the upload"
            : "worker peak working set not measurable here"));
        Assert.Equal("validating", upload.Status);
        Assert.Equal(3, upload.Count("HeaderRow"));
        Assert.Equal(Rows, upload.Summary.Rows.Read);
        Assert.Equal(Rows, upload.Count("RowsChunked"));
        Assert.Equal(100, upload.Count("Chunks"));

        var messages = await system.DrainChunkMessagesAsync(upload.UploadId);
        Assert.Equal(Enumerable.Range(1, 100), messages.Select(m => m["chunk"]!.GetValue<int>()).Order());
        var lines = await system.StagedLineCountsAsync(upload.UploadId);
        Assert.Equal(100, lines.Count);
        Assert.All(lines.Values, count => Assert.Equal(1_000, count));
        Assert.Equal(Rows, messages.Sum(m => lines[m["blob"]!.GetValue<string>()]));
        if (peak is { } measured)
        {
            Assert.True(measured < PeakWorkingSetLimit, $"The worker's working set peaked at {measured / 1_048_576} MiB.");
        }
    }

    public void Dispose() => File.Delete(_path);
}
