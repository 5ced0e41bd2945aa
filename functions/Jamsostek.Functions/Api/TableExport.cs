using System.Globalization;
using System.Text.Json;
using Jamsostek.Core.Exports;

namespace Jamsostek.Functions.Api;

/// <summary>
/// Streams a table to the response as JSON (an array of objects keyed by column), CSV or XLSX, row by row: the
/// first bytes leave before the last row is read, and memory holds one row and the writers' small buffers.
/// Text cells get the formula guard in CSV and XLSX (the writers apply it); JSON carries values as they are.
/// </summary>
public static class TableExport
{
    public static async Task WriteAsync(HttpContext context, ExportFormat format, string fileName, IReadOnlyList<string> columns,
        IAsyncEnumerable<TableCell[]> rows, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (format == ExportFormat.Json)
        {
            response.ContentType = "application/json; charset=utf-8";
            await WriteJsonAsync(response.Body, columns, rows, cancellationToken);
            return;
        }
        response.ContentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}\"";
        await using ITableWriter writer = format == ExportFormat.Csv
            ? new CsvTableWriter(response.Body, CsvTableWriterOptions.IndonesianExcel)
            : new XlsxTableWriter(response.Body, SheetName(fileName));
        writer.WriteHeader(columns);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteRowAsync(row, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteJsonAsync(Stream body, IReadOnlyList<string> columns, IAsyncEnumerable<TableCell[]> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartArray();
        var sinceFlush = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                json.WritePropertyName(columns[i]);
                WriteCell(json, row[i]);
            }
            json.WriteEndObject();
            if (++sinceFlush == 500 || json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
                sinceFlush = 0;
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteCell(Utf8JsonWriter json, TableCell cell)
    {
        switch (cell.Kind)
        {
            case TableCellKind.Empty:
                json.WriteNullValue();
                break;
            case TableCellKind.Text:
                json.WriteStringValue(cell.Text);
                break;
            case TableCellKind.Integer:
                json.WriteNumberValue(cell.Integer);
                break;
            case TableCellKind.Decimal:
                json.WriteNumberValue(cell.Decimal);
                break;
            case TableCellKind.Double:
                json.WriteNumberValue(cell.Double);
                break;
            case TableCellKind.Date:
                json.WriteStringValue(cell.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
        }
    }

    // Excel's sheet names: at most 31 characters, none of []:*?/\.
    private static string SheetName(string fileName)
    {
        var name = new string([.. fileName.Where(c => !"[]:*?/\\".Contains(c))]);
        return name.Length > 31 ? name[..31] : name;
    }
}
