namespace Jamsostek.Core.Ingestion;

/// <summary>Where ingestion puts each chunk of staged rows (a blob per chunk in the app).</summary>
public interface IChunkSink
{
    /// <param name="chunk">1-based chunk number.</param>
    /// <param name="rows">The chunk's rows, one JSON object per line (see <see cref="StagedRowWriter"/>).</param>
    Task WriteChunkAsync(int chunk, ReadOnlyMemory<byte> rows, int rowCount, CancellationToken cancellationToken);
}
