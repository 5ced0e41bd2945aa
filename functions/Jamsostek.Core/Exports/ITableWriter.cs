namespace Jamsostek.Core.Exports;

/// <summary>
/// Writes one table (a header row, then data rows) into a caller's stream, which need not be seekable: an HTTP
/// response body, a blob upload stream. Rows are formatted into a small buffer that is handed to the stream
/// asynchronously whenever it fills, so memory does not grow with the number of rows and the stream is never
/// written synchronously (ASP.NET Core refuses synchronous writes to a response body).
/// </summary>
/// <remarks>
/// Call <see cref="CompleteAsync"/> to finish the file. Disposing a writer that was not completed, after a
/// failure, releases it without finishing the file, so a broken export cannot pass for a whole one.
/// The caller's stream is left open.
/// </remarks>
public interface ITableWriter : IAsyncDisposable
{
    /// <summary>Writes the header row; only before any data row, and once.</summary>
    void WriteHeader(IReadOnlyList<string> columnNames);

    /// <summary>
    /// Writes one data row. Completes synchronously unless the buffer filled and is being handed to the stream;
    /// the cells are read before the method returns, so the caller can reuse the array for the next row.
    /// </summary>
    ValueTask WriteRowAsync(ReadOnlySpan<TableCell> cells, CancellationToken cancellationToken = default);

    /// <summary>Finishes the file, hands the rest of it to the stream and flushes the stream.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
