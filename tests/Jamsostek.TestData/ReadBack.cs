using System.Text;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace Jamsostek.TestData;

/// <summary>
/// Reads workbooks and CSV back the way other programs would: ExcelDataReader for .xlsx and .xls, Sylvan for CSV as
/// text, ExcelDataReader's CSV reader for CSV as Excel opens it. The one reader every test project uses.
/// </summary>
public static class ReadBack
{
    /// <summary>The code pages .xls and ANSI CSV need (ExcelDataReader asks for them); each reader here registers them first.</summary>
    public static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="VisibleState">"visible", "hidden" or "veryhidden".</param>
    /// <param name="NumberFormats">Each cell's number format, row by row, as ExcelDataReader reports it.</param>
    /// <param name="Merged">Each merged range as "fromRow:fromColumn-toRow:toColumn".</param>
    public sealed record Sheet(string Name, string VisibleState, List<object?[]> Rows, List<string?[]> NumberFormats, List<string> Merged);

    /// <summary>Every sheet of a workbook (.xlsx or .xls), in order.</summary>
    public static List<Sheet> Workbook(byte[] bytes)
    {
        RegisterCodePages();
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
        var sheets = new List<Sheet>();
        do
        {
            var rows = new List<object?[]>();
            var formats = new List<string?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                var rowFormats = new string?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rowFormats[i] = reader.GetNumberFormatString(i);
                }
                rows.Add(row);
                formats.Add(rowFormats);
            }
            var merged = reader.MergeCells?.Select(m => $"{m.FromRow}:{m.FromColumn}-{m.ToRow}:{m.ToColumn}").ToList() ?? [];
            sheets.Add(new Sheet(reader.Name, reader.VisibleState, rows, formats, merged));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>A workbook's first sheet.</summary>
    public static Sheet Xlsx(byte[] bytes) => Workbook(bytes)[0];

    /// <summary>Every sheet of a workbook by name, its rows' values as ExcelDataReader gives them.</summary>
    public static Dictionary<string, List<object?[]>> XlsxSheets(byte[] bytes) => Workbook(bytes).ToDictionary(s => s.Name, s => s.Rows);

    /// <summary>Every field as text, so the test sees exactly what the file holds.</summary>
    public static List<string[]> Csv(byte[] bytes, char delimiter = ',')
    {
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.RowFieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// CSV as Excel opens it: the separator (',' or ';') and, without a byte order mark, the encoding guessed
    /// (<paramref name="fallback"/> when the bytes are not UTF-8); values typed as ExcelDataReader types them.
    /// </summary>
    public static List<object?[]> CsvAsExcelOpensIt(byte[] bytes, Encoding fallback)
    {
        RegisterCodePages();
        using var reader = ExcelReaderFactory.CreateCsvReader(new MemoryStream(bytes), new ExcelReaderConfiguration
        {
            FallbackEncoding = fallback,
            AutodetectSeparators = [',', ';'],
        });
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Counts a workbook's rows without keeping them (for files too large to hold).</summary>
    public static int CountRows(Stream stream, out int firstSheetFieldCount)
    {
        RegisterCodePages();
        using var reader = ExcelReaderFactory.CreateReader(stream);
        firstSheetFieldCount = reader.FieldCount;
        var count = 0;
        while (reader.Read())
        {
            count++;
        }
        return count;
    }
}
