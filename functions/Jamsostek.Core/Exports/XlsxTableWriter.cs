using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Exports;

/// <summary>
/// Writes a table as a one-sheet .xlsx workbook: a bold header row with the pane frozen below it, text as inline
/// strings guarded by <see cref="FormulaGuard"/>, numbers as numbers, dates as real dates shown dd/mm/yyyy.
/// A workbook of several small tables names its sheets up front and moves on with <see cref="NextSheet"/>.
/// </summary>
/// <remarks>
/// The zip is written in create mode, so every part is deflated as it is written and nothing waits for the end
/// (the Open XML SDK's own package would keep the whole sheet in memory until it is closed). The sheet goes
/// through a plain <see cref="XmlWriter"/> rather than <c>OpenXmlWriter</c>, whose attributes and values must be
/// strings: here cell references and numbers go out from a reused character buffer, so a row allocates nothing.
/// </remarks>
public sealed class XlsxTableWriter : ITableWriter
{
    public const int MaxRows = 1_048_576;
    public const int MaxColumns = 16_384;

    private const string Main = XlsxWorkbookParts.MainNamespace;

    private static readonly XmlWriterSettings SheetSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = false,
        // A carriage return inside a cell goes as &#xD;, or XML's line-end normalisation would turn it into a line feed.
        NewLineHandling = NewLineHandling.Entitize,
    };

    // Excel's serial day 1 is 1 January 1900, but its serials count a 29 February 1900 that never was; from
    // March 1900 on, a serial is the number of days since 30 December 1899. Earlier dates are written as text.
    private static readonly DateOnly FirstSerialDate = new(1900, 3, 1);
    private static readonly int SerialDayZero = new DateOnly(1899, 12, 30).DayNumber;


    private readonly Stream _output;
    private readonly PendingOutput _pending;
    private readonly ZipArchive _zip;
    private readonly int _sheetCount;
    private int _sheetIndex;
    private Stream _sheetPart;
    private XmlWriter _sheet;
    private readonly List<string> _columnLetters = [];
    private readonly char[] _rowDigits = new char[16];
    private readonly char[] _value = new char[TableCell.MaxFormattedLength];
    private int _rowDigitsLength;
    private int _rowNumber;
    private bool _sheetStarted;
    private bool _finished;

    public XlsxTableWriter(Stream output, string sheetName)
        : this(output, [sheetName ?? throw new ArgumentNullException(nameof(sheetName))])
    {
    }

    /// <summary>A workbook with these sheets, in order; rows go to the first until <see cref="NextSheet"/>.</summary>
    public XlsxTableWriter(Stream output, IReadOnlyList<string> sheetNames)
    {
        PendingOutput.ThrowIfNotWritable(output);
        XlsxWorkbookParts.ThrowIfInvalidSheetNames(sheetNames);
        _output = output;
        _pending = new PendingOutput(output);
        _zip = new ZipArchive(new BufferWriterStream(_pending.Writer), ZipArchiveMode.Create, leaveOpen: false, Encoding.UTF8);
        XlsxWorkbookParts.Write(_zip, sheetNames);
        _sheetCount = sheetNames.Count;
        (_sheetPart, _sheet) = OpenSheet(0);
    }

    /// <summary>Finishes the current sheet and starts the next one named in the constructor (a header, then rows, again).</summary>
    public void NextSheet()
    {
        ThrowIfFinished();
        if (_sheetIndex + 1 >= _sheetCount)
        {
            throw new InvalidOperationException($"The workbook was given {_sheetCount} sheet name(s); there is no next sheet.");
        }
        FinishSheet();
        (_sheetPart, _sheet) = OpenSheet(++_sheetIndex);
        _rowNumber = 0;
        _sheetStarted = false;
    }

    public void WriteHeader(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ThrowIfFinished();
        if (_sheetStarted)
        {
            throw new InvalidOperationException("The header goes before any row, and only once.");
        }
        ThrowIfTooWide(columnNames.Count);

        StartSheet(columnNames);
        StartRow();
        for (var i = 0; i < columnNames.Count; i++)
        {
            WriteTextCell(i, columnNames[i], XlsxWorkbookParts.HeaderStyle);
        }
        _sheet.WriteEndElement();
    }

    public ValueTask WriteRowAsync(ReadOnlySpan<TableCell> cells, CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        ThrowIfTooWide(cells.Length);
        if (!_sheetStarted)
        {
            StartSheet(null);
        }

        StartRow();
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(i, in cells[i]);
        }
        _sheet.WriteEndElement();
        return _pending.DrainWhenFullAsync(cancellationToken);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        FinishSheet();
        // Sheets named but never reached are written empty: the workbook lists them.
        while (++_sheetIndex < _sheetCount)
        {
            (_sheetPart, _sheet) = OpenSheet(_sheetIndex);
            _sheetStarted = false;
            FinishSheet();
        }
        _finished = true;
        _zip.Dispose(); // writes the central directory
        await _pending.DrainAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everything written so far sits in memory, so there is nothing to release but the writer itself.</summary>
    public ValueTask DisposeAsync()
    {
        _finished = true;
        return ValueTask.CompletedTask;
    }

    private (Stream Part, XmlWriter Writer) OpenSheet(int index)
    {
        var part = _zip.CreateEntry(XlsxWorkbookParts.SheetPathOf(index), CompressionLevel.Optimal).Open();
        return (part, XmlWriter.Create(part, SheetSettings));
    }

    private void FinishSheet()
    {
        if (!_sheetStarted)
        {
            StartSheet(null);
        }
        _sheet.WriteEndElement(); // sheetData
        _sheet.WriteEndElement(); // worksheet
        _sheet.WriteEndDocument();
        _sheet.Dispose();
        _sheetPart.Dispose();
    }

    private void StartSheet(IReadOnlyList<string>? header)
    {
        _sheetStarted = true;
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", Main);
        if (header is { Count: > 0 })
        {
            WriteFrozenHeaderView();
            WriteColumnWidths(header);
        }
        _sheet.WriteStartElement("sheetData", Main);
    }

    private void WriteFrozenHeaderView()
    {
        _sheet.WriteStartElement("sheetViews", Main);
        _sheet.WriteStartElement("sheetView", Main);
        if (_sheetIndex == 0)
        {
            // Only the first: several selected tabs open grouped, and typing would then change every sheet at once.
            _sheet.WriteAttributeString("tabSelected", "1");
        }
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane", Main);
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "A2");
        _sheet.WriteAttributeString("activePane", "bottomLeft");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("selection", Main);
        _sheet.WriteAttributeString("pane", "bottomLeft");
        _sheet.WriteAttributeString("activeCell", "A2");
        _sheet.WriteAttributeString("sqref", "A2");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    /// <summary>Each column wide enough for its (bold) header name, within bounds, since the rows are not known yet.</summary>
    private void WriteColumnWidths(IReadOnlyList<string> header)
    {
        _sheet.WriteStartElement("cols", Main);
        for (var i = 0; i < header.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var width = Math.Clamp((header[i]?.Length ?? 0) + 3, 10, 50);
            _sheet.WriteStartElement("col", Main);
            _sheet.WriteAttributeString("min", number);
            _sheet.WriteAttributeString("max", number);
            _sheet.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
    }

    private void StartRow()
    {
        if (_rowNumber == MaxRows)
        {
            throw new InvalidOperationException($"A sheet holds at most {MaxRows:N0} rows.");
        }
        _rowNumber++;
        _rowNumber.TryFormat(_rowDigits, out _rowDigitsLength, default, CultureInfo.InvariantCulture);
        _sheet.WriteStartElement("row", Main);
        _sheet.WriteStartAttribute("r");
        _sheet.WriteChars(_rowDigits, 0, _rowDigitsLength);
        _sheet.WriteEndAttribute();
    }

    private void WriteCell(int column, in TableCell cell)
    {
        switch (cell.Kind)
        {
            case TableCellKind.Empty:
                return;
            case TableCellKind.Text:
                WriteTextCell(column, cell.Text, style: null);
                return;
            case TableCellKind.Date when cell.Date < FirstSerialDate:
                WriteTextCell(column, cell.ToString(), style: null);
                return;
            case TableCellKind.Date:
                (cell.Date.DayNumber - SerialDayZero).TryFormat(_value, out var serialLength, default, CultureInfo.InvariantCulture);
                WriteValueCell(column, XlsxWorkbookParts.DateStyle, serialLength);
                return;
            default:
                cell.TryFormatNumber(_value, out var numberLength);
                WriteValueCell(column, style: null, numberLength);
                return;
        }
    }

    private void WriteValueCell(int column, string? style, int valueLength)
    {
        _sheet.WriteStartElement("c", Main);
        WriteReference(column);
        if (style is not null)
        {
            _sheet.WriteAttributeString("s", style);
        }
        _sheet.WriteStartElement("v", Main);
        _sheet.WriteChars(_value, 0, valueLength);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    private void WriteTextCell(int column, string? text, string? style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Text a spreadsheet would take for a formula keeps its value and gets the quotePrefix style: Excel shows it
        // as typed and keeps it text when the cell is edited, where CSV can only prepend an apostrophe.
        if (FormulaGuard.NeedsPrefix(text))
        {
            style = style == XlsxWorkbookParts.HeaderStyle ? XlsxWorkbookParts.GuardedHeaderStyle : XlsxWorkbookParts.GuardedTextStyle;
        }
        _sheet.WriteStartElement("c", Main);
        WriteReference(column);
        if (style is not null)
        {
            _sheet.WriteAttributeString("s", style);
        }
        _sheet.WriteAttributeString("t", "inlineStr");
        _sheet.WriteStartElement("is", Main);
        _sheet.WriteStartElement("t", Main);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            _sheet.WriteAttributeString("xml", "space", null, "preserve");
        }
        _sheet.WriteString(XlsxText.Escape(text, XlsxText.MaxLength));
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    private void WriteReference(int column)
    {
        while (_columnLetters.Count <= column)
        {
            _columnLetters.Add(CellAddress.ColumnName(_columnLetters.Count));
        }
        _sheet.WriteStartAttribute("r");
        _sheet.WriteString(_columnLetters[column]);
        _sheet.WriteChars(_rowDigits, 0, _rowDigitsLength);
        _sheet.WriteEndAttribute();
    }

    private static void ThrowIfTooWide(int columns)
    {
        if (columns > MaxColumns)
        {
            throw new ArgumentException($"A sheet holds at most {MaxColumns:N0} columns; this row has {columns:N0}.");
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The table is already complete (or was disposed).");
        }
    }
}
