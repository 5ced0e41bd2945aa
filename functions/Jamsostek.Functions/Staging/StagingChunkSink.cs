using Jamsostek.Core.Ingestion;

namespace Jamsostek.Functions.Staging;

/// <summary>
/// Each chunk of an upload to its staging blob. A few writes stay in flight while the reader parses the next chunks
/// (each chunk is its own copy), so reading and writing overlap; <see cref="FlushAsync"/> waits for the last ones.
/// </summary>
internal sealed class StagingChunkSink(StagingStore staging, string uploadId) : IChunkSink
{
    private const int WritesInFlight = 4;

    private readonly List<Task> _writes = [];

    public int RowsWritten { get; private set; }

    public async Task WriteChunkAsync(int chunk, ReadOnlyMemory<byte> rows, int rowCount, CancellationToken cancellationToken)
    {
        while (_writes.Count >= WritesInFlight)
        {
            var done = await Task.WhenAny(_writes);
            _writes.Remove(done);
            await done; // a failed write fails the ingestion here
        }
        _writes.Add(staging.WriteAsync(StagingStore.ChunkBlobName(uploadId, chunk), rows, cancellationToken));
        RowsWritten += rowCount;
    }

    /// <summary>Waits until every chunk handed over is written; throws when one failed.</summary>
    public async Task FlushAsync()
    {
        await Task.WhenAll(_writes);
        _writes.Clear();
    }

    /// <summary>Waits for the writes still in flight, whatever their outcome: nothing lands after a cleanup that follows.</summary>
    public async Task SettleAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The upload is being rejected or retried; the caller deletes or rewrites the chunks anyway.
        }
    }
}
