using System.Data;
using System.Text;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace Jamsostek.Core.Tests.Exports;

/// <summary>Reads exported files back the way other programs would: ExcelDataReader for .xlsx, Sylvan for CSV.</summary>
internal static class ReadBack
{
    /// <param name="NumberFormats">Each cell's number format, row by row, as ExcelDataReader reports it.</param>
    public sealed record Sheet(string Name, List<object?[]> Rows, List<string?[]> NumberFormats);

    public static Sheet Xlsx(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var rows = new List<object?[]>();
        var formats = new List<string?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            var rowFormats = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.GetValue(i);
                rowFormats[i] = reader.GetNumberFormatString(i);
            }
            rows.Add(row);
            formats.Add(rowFormats);
        }
        return new Sheet(reader.Name, rows, formats);
    }

    /// <summary>Every sheet of a workbook by name, its rows' values as ExcelDataReader gives them.</summary>
    public static Dictionary<string, List<object?[]>> XlsxSheets(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.GetValue(i);
                }
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

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
}
