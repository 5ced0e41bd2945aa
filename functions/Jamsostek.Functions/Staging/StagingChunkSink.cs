using Jamsostek.Core.Ingestion;

namespace Jamsostek.Functions.Staging;

/// <summary>Each chunk of an upload to its staging blob.</summary>
internal sealed class StagingChunkSink(StagingStore staging, string uploadId) : IChunkSink
{
    public int RowsWritten { get; private set; }

    public async Task WriteChunkAsync(int chunk, ReadOnlyMemory<byte> rows, int rowCount, CancellationToken cancellationToken)
    {
        await staging.WriteAsync(StagingStore.ChunkBlobName(uploadId, chunk), rows, cancellationToken);
        RowsWritten += rowCount;
    }
}
