using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Digest;

/// <summary>The digest's XLSX attachment: one sheet per table of the email, numbers as numbers and dates as dates.</summary>
public static class DigestWorkbook
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<DigestTable> tables, CancellationToken cancellationToken = default)
    {
        await using var writer = new XlsxTableWriter(output, [.. tables.Select(t => t.SheetName)]);
        for (var i = 0; i < tables.Count; i++)
        {
            if (i > 0)
            {
                writer.NextSheet();
            }
            writer.WriteHeader(tables[i].Columns);
            foreach (var row in tables[i].Rows)
            {
                await writer.WriteRowAsync([.. row.Select(cell => cell.Value)], cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task<byte[]> ToBytesAsync(IReadOnlyList<DigestTable> tables, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, tables, cancellationToken);
        return buffer.ToArray();
    }
}
