using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Jamsostek.TestData.Internal;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;

namespace Jamsostek.TestData;

/// <summary>
/// Writes test and sample workbooks: .xlsx (streamed), legacy .xls (BIFF8) and .csv.
/// All three map cell values the same way (see <see cref="SheetSpec"/>).
/// </summary>
public static partial class SpreadsheetWriter
{
    private static readonly Lazy<Encoding> Cp1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Windows-1252 (registers <see cref="CodePagesEncodingProvider"/> on first use).</summary>
    public static Encoding Windows1252 => Cp1252.Value;

    // ---------------------------------------------------------------- xlsx

    /// <summary>
    /// Writes an .xlsx workbook. Rows are pulled from each <see cref="SheetSpec.Rows"/> one at a time and
    /// deflated straight into <paramref name="output"/> (text as inline strings), so memory use does not grow
    /// with the number of rows. <paramref name="output"/> is left open and need not be seekable.
    /// </summary>
    public static void WriteXlsx(Stream output, IEnumerable<SheetSpec> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        var specs = sheets.ToList();
        foreach (var spec in specs)
        {
            ValidateMergedRanges(spec);
        }

        XlsxPackage.Write(output, specs.Select(spec => new XlsxSheetEntry(spec.Name, spec.Hidden, s => WriteWorksheet(s, spec))).ToList());
    }

    /// <summary>Writes an .xlsx workbook to a file (created or overwritten).</summary>
    public static void WriteXlsx(string path, IEnumerable<SheetSpec> sheets)
    {
        using var file = File.Create(path);
        WriteXlsx(file, sheets);
    }

    /// <summary>Writes an .xlsx workbook into a byte array (for small workbooks).</summary>
    public static byte[] XlsxBytes(params SheetSpec[] sheets)
    {
        using var buffer = new MemoryStream();
        WriteXlsx(buffer, sheets);
        return buffer.ToArray();
    }

    private static readonly Worksheet WorksheetElement = new();
    private static readonly SheetData SheetDataElement = new();
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();
    private static readonly DocumentFormat.OpenXml.Spreadsheet.CellValue ValueElement = new();
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
    private static readonly OpenXmlAttribute InlineStringType = new("t", string.Empty, "inlineStr");
    private static readonly OpenXmlAttribute BooleanType = new("t", string.Empty, "b");
    private static readonly OpenXmlAttribute DateStyle = new("s", string.Empty, XlsxPackage.StyleDate.ToString(CultureInfo.InvariantCulture));
    private static readonly OpenXmlAttribute DateTimeStyle = new("s", string.Empty, XlsxPackage.StyleDateTime.ToString(CultureInfo.InvariantCulture));

    private static void WriteWorksheet(Stream stream, SheetSpec spec)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(WorksheetElement);
        writer.WriteStartElement(SheetDataElement);

        var rowNumber = 0;
        var rowAttributes = new OpenXmlAttribute[1];
        var cellAttributes = new List<OpenXmlAttribute>(3);
        var noAttributes = Array.Empty<OpenXmlAttribute>();
        foreach (var row in spec.Rows)
        {
            rowNumber++;
            if (rowNumber > CellAddress.MaxRows)
            {
                throw new ArgumentException($"Sheet '{spec.Name}' has more than {CellAddress.MaxRows} rows.");
            }

            if (row is null || row.All(v => CellContent.From(v).Kind == CellKind.None))
            {
                continue;
            }

            var rowText = rowNumber.ToString(CultureInfo.InvariantCulture);
            rowAttributes[0] = new OpenXmlAttribute("r", string.Empty, rowText);
            writer.WriteStartElement(RowElement, rowAttributes);
            for (var column = 0; column < row.Length; column++)
            {
                var value = CellContent.From(row[column]);
                if (value.Kind == CellKind.None)
                {
                    continue;
                }

                cellAttributes.Clear();
                cellAttributes.Add(new OpenXmlAttribute("r", string.Empty, CellAddress.Column(column) + rowText));
                switch (value.Kind)
                {
                    case CellKind.Text:
                        cellAttributes.Add(InlineStringType);
                        writer.WriteStartElement(CellElement, cellAttributes);
                        writer.WriteStartElement(InlineStringElement);
                        var text = CellContent.XmlSafe(value.Text!);
                        writer.WriteStartElement(TextElement, NeedsPreserve(text) ? [PreserveSpace] : noAttributes);
                        writer.WriteString(text);
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                        break;
                    case CellKind.Number:
                        WriteValueCell(writer, cellAttributes, CellContent.FormatDouble(value.Number));
                        break;
                    case CellKind.Date:
                    case CellKind.DateTime:
                        cellAttributes.Add(value.Kind == CellKind.Date ? DateStyle : DateTimeStyle);
                        WriteValueCell(writer, cellAttributes, value.Date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case CellKind.Boolean:
                        cellAttributes.Add(BooleanType);
                        WriteValueCell(writer, cellAttributes, value.Boolean ? "1" : "0");
                        break;
                }
            }

            writer.WriteEndElement(); // row
        }

        writer.WriteEndElement(); // sheetData

        if (spec.MergedRanges is { Count: > 0 } merged)
        {
            var mergeCells = new MergeCells { Count = (uint)merged.Count };
            foreach (var range in merged)
            {
                mergeCells.Append(new MergeCell { Reference = range });
            }

            writer.WriteElement(mergeCells);
        }

        writer.WriteEndElement(); // worksheet
    }

    private static void WriteValueCell(OpenXmlWriter writer, List<OpenXmlAttribute> attributes, string value)
    {
        writer.WriteStartElement(CellElement, attributes);
        writer.WriteStartElement(ValueElement);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static bool NeedsPreserve(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') || text.Contains("  ", StringComparison.Ordinal));

    [GeneratedRegex("^[A-Z]{1,3}[1-9][0-9]{0,6}(:[A-Z]{1,3}[1-9][0-9]{0,6})?$")]
    private static partial Regex RangePattern();

    private static void ValidateMergedRanges(SheetSpec spec)
    {
        foreach (var range in spec.MergedRanges ?? [])
        {
            if (!RangePattern().IsMatch(range))
            {
                throw new ArgumentException($"'{range}' in sheet '{spec.Name}' is not a range like \"A1:H1\".");
            }
        }
    }

    // ---------------------------------------------------------------- xls

    /// <summary>The row and column limits of a BIFF8 worksheet.</summary>
    public const int XlsMaxRows = 65_536;

    /// <inheritdoc cref="XlsMaxRows"/>
    public const int XlsMaxColumns = 256;

    /// <summary>
    /// Writes a legacy Excel 97-2003 (.xls, BIFF8) workbook through NPOI's <see cref="HSSFWorkbook"/>, with the same
    /// value mapping as <see cref="WriteXlsx(Stream, IEnumerable{SheetSpec})"/>. The format holds at most
    /// 65,536 rows and 256 columns per sheet; the workbook is built in memory before it is written.
    /// </summary>
    public static void WriteXls(Stream output, IEnumerable<SheetSpec> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        var specs = sheets.ToList();
        if (specs.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        var firstVisible = specs.FindIndex(s => !s.Hidden);
        if (firstVisible < 0)
        {
            throw new ArgumentException("A workbook needs at least one visible sheet.", nameof(sheets));
        }

        var workbook = new HSSFWorkbook();
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = 14; // built-in "m/d/yy", shown in the reader's short date format
        var dateTimeStyle = workbook.CreateCellStyle();
        dateTimeStyle.DataFormat = 22; // built-in "m/d/yy h:mm"

        for (var index = 0; index < specs.Count; index++)
        {
            var spec = specs[index];
            XlsxPackage.ValidateSheetName(spec.Name);
            ValidateMergedRanges(spec);
            var sheet = workbook.CreateSheet(spec.Name);
            var rowIndex = -1;
            foreach (var values in spec.Rows)
            {
                rowIndex++;
                if (rowIndex >= XlsMaxRows)
                {
                    throw new ArgumentException($"Sheet '{spec.Name}' has more than {XlsMaxRows} rows, the .xls limit.");
                }

                if (values is null || values.Length == 0)
                {
                    continue;
                }

                if (values.Length > XlsMaxColumns && values.Skip(XlsMaxColumns).Any(v => CellContent.From(v).Kind != CellKind.None))
                {
                    throw new ArgumentException($"Row {rowIndex + 1} of sheet '{spec.Name}' has more than {XlsMaxColumns} columns, the .xls limit.");
                }

                IRow? row = null;
                for (var column = 0; column < Math.Min(values.Length, XlsMaxColumns); column++)
                {
                    var value = CellContent.From(values[column]);
                    if (value.Kind == CellKind.None)
                    {
                        continue;
                    }

                    row ??= sheet.CreateRow(rowIndex);
                    var cell = row.CreateCell(column);
                    switch (value.Kind)
                    {
                        case CellKind.Text:
                            if (value.Text!.Length > 32_767)
                            {
                                throw new ArgumentException($"Cell {CellAddress.Cell(column, rowIndex + 1)} of sheet '{spec.Name}' has more than 32,767 characters.");
                            }

                            cell.SetCellValue(value.Text);
                            break;
                        case CellKind.Number:
                            cell.SetCellValue(value.Number);
                            break;
                        case CellKind.Date:
                        case CellKind.DateTime:
                            cell.SetCellValue(value.Date);
                            cell.CellStyle = value.Kind == CellKind.Date ? dateStyle : dateTimeStyle;
                            break;
                        case CellKind.Boolean:
                            cell.SetCellValue(value.Boolean);
                            break;
                    }
                }
            }

            foreach (var range in spec.MergedRanges ?? [])
            {
                sheet.AddMergedRegion(CellRangeAddress.ValueOf(range));
            }

            if (spec.Hidden)
            {
                workbook.SetSheetHidden(index, SheetState.Hidden);
            }
        }

        workbook.SetActiveSheet(firstVisible);
        workbook.SetSelectedTab(firstVisible);
        workbook.FirstVisibleTab = firstVisible;

        // HSSFWorkbook.Write may close the stream it is given; write into a buffer we own.
        using var buffer = new MemoryStream();
        workbook.Write(buffer);
        output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes an .xls workbook to a file (created or overwritten).</summary>
    public static void WriteXls(string path, IEnumerable<SheetSpec> sheets)
    {
        using var file = File.Create(path);
        WriteXls(file, sheets);
    }

    /// <summary>Writes an .xls workbook into a byte array.</summary>
    public static byte[] XlsBytes(params SheetSpec[] sheets)
    {
        using var buffer = new MemoryStream();
        WriteXls(buffer, sheets);
        return buffer.ToArray();
    }

    // ---------------------------------------------------------------- csv

    /// <summary>
    /// Writes rows as CSV (RFC 4180: CRLF line ends; a field holding the delimiter, a quote, a line break or
    /// leading/trailing spaces is quoted, quotes doubled). Dates are written <c>dd/MM/yyyy</c>
    /// (<c>dd/MM/yyyy HH:mm:ss</c> when a <see cref="DateTime"/> has a time), numbers in invariant culture
    /// without thousands separators, booleans <c>TRUE</c>/<c>FALSE</c>, null as an empty field.
    /// <paramref name="encoding"/> defaults to UTF-8; <paramref name="byteOrderMark"/> writes the encoding's
    /// byte order mark (none exists for single-byte code pages such as <see cref="Windows1252"/>).
    /// Streams row by row; <paramref name="output"/> is left open.
    /// </summary>
    public static void WriteCsv(Stream output, IEnumerable<object?[]> rows, char delimiter = ',', Encoding? encoding = null, bool byteOrderMark = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("A CSV delimiter cannot be a quote or a line break.", nameof(delimiter));
        }

        encoding ??= new UTF8Encoding(false);
        if (byteOrderMark)
        {
            byte[] preamble = encoding.CodePage switch
            {
                65001 => [0xEF, 0xBB, 0xBF],
                1200 => [0xFF, 0xFE],
                1201 => [0xFE, 0xFF],
                12000 => [0xFF, 0xFE, 0x00, 0x00],
                12001 => [0x00, 0x00, 0xFE, 0xFF],
                _ => encoding.GetPreamble(),
            };
            output.Write(preamble);
        }

        var encoder = encoding.GetEncoder();
        var line = new StringBuilder(256);
        var bytes = new byte[1024];
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < (row?.Length ?? 0); i++)
            {
                if (i > 0)
                {
                    line.Append(delimiter);
                }

                AppendField(line, CsvText(row![i]), delimiter);
            }

            line.Append("\r\n");
            var chars = line.ToString();
            var needed = encoding.GetMaxByteCount(chars.Length);
            if (needed > bytes.Length)
            {
                bytes = new byte[needed];
            }

            var count = encoder.GetBytes(chars, bytes, flush: false);
            output.Write(bytes, 0, count);
        }

        var tail = encoder.GetBytes(ReadOnlySpan<char>.Empty, bytes, flush: true);
        output.Write(bytes, 0, tail);
    }

    /// <summary>Writes rows as CSV into a byte array.</summary>
    public static byte[] CsvBytes(IEnumerable<object?[]> rows, char delimiter = ',', Encoding? encoding = null, bool byteOrderMark = false)
    {
        using var buffer = new MemoryStream();
        WriteCsv(buffer, rows, delimiter, encoding, byteOrderMark);
        return buffer.ToArray();
    }

    private static string CsvText(object? value)
    {
        var content = CellContent.From(value);
        return content.Kind switch
        {
            CellKind.None => string.Empty,
            CellKind.Text => content.Text!,
            CellKind.Number => CellContent.FormatNumber(value!),
            CellKind.Date => content.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            CellKind.DateTime => content.Date.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            CellKind.Boolean => content.Boolean ? "TRUE" : "FALSE",
            _ => string.Empty,
        };
    }

    private static void AppendField(StringBuilder line, string text, char delimiter)
    {
        var quote = text.Length > 0 && (text.Contains(delimiter) || text.Contains('"') || text.Contains('\r') || text.Contains('\n')
            || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
        if (!quote)
        {
            line.Append(text);
            return;
        }

        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
