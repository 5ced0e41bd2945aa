using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Tests.Exports;

/// <summary>Small tables written through each writer into a <see cref="NonSeekableStream"/>, as the app will.</summary>
internal static class Exported
{
    public static Task<byte[]> CsvAsync(string[]? header, params TableCell[][] rows) => CsvAsync(null, header, rows);

    public static Task<byte[]> CsvAsync(CsvTableWriterOptions? options, string[]? header, params TableCell[][] rows) =>
        WriteAsync(output => new CsvTableWriter(output, options), header, rows);

    public static Task<byte[]> XlsxAsync(string[]? header, params TableCell[][] rows) => XlsxAsync("Data", header, rows);

    public static Task<byte[]> XlsxAsync(string sheetName, string[]? header, params TableCell[][] rows) =>
        WriteAsync(output => new XlsxTableWriter(output, sheetName), header, rows);

    public static async Task<byte[]> WriteAsync(Func<Stream, ITableWriter> create, string[]? header, IEnumerable<TableCell[]> rows)
    {
        var output = new NonSeekableStream();
        await using var writer = create(output);
        if (header is not null)
        {
            writer.WriteHeader(header);
        }
        foreach (var row in rows)
        {
            await writer.WriteRowAsync(row);
        }
        await writer.CompleteAsync();
        return output.ToArray();
    }

    public static TableCell[] Row(params TableCell[] cells) => cells;
}
