using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace Jamsostek.TestData.Tests;

/// <summary>Reads workbooks back with ExcelDataReader.</summary>
internal static class ReadBack
{
    [ModuleInitializer]
    internal static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Sheet(string Name, string VisibleState, List<object?[]> Rows, List<string> Merged);

    public static List<Sheet> Workbook(byte[] bytes)
    {
        RegisterCodePages();
        using var stream = new MemoryStream(bytes);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<Sheet>();
        do
        {
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

            var merged = reader.MergeCells?.Select(m => $"{m.FromRow}:{m.FromColumn}-{m.ToRow}:{m.ToColumn}").ToList() ?? [];
            sheets.Add(new Sheet(reader.Name, reader.VisibleState, rows, merged));
        }
        while (reader.NextResult());

        return sheets;
    }

    public static List<object?[]> Csv(byte[] bytes, Encoding fallback)
    {
        RegisterCodePages();
        using var stream = new MemoryStream(bytes);
        using var reader = ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration
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

    /// <summary>Counts rows without keeping them.</summary>
    public static int CountRows(Stream stream, out int firstSheetFieldCount)
    {
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
