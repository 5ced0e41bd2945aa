using System.Buffers;
using System.Globalization;
using System.Text;

namespace Jamsostek.Core.Exports;

/// <summary>
/// Writes a table as RFC 4180 CSV: UTF-8 with a byte order mark (without it Excel reads the file in the machine's
/// ANSI code page and garbles names), CRLF after every row, a field quoted when it holds the delimiter, a double
/// quote or a line break, numbers in invariant culture, dates as dd/MM/yyyy, text guarded by <see cref="FormulaGuard"/>.
/// </summary>
public sealed class CsvTableWriter : ITableWriter
{
    private readonly Stream _output;
    private readonly PendingOutput _pending;
    private readonly byte _delimiter;
    private readonly SearchValues<char> _charactersToQuote;
    private bool _rowsStarted;
    private bool _finished;

    public CsvTableWriter(Stream output, CsvTableWriterOptions? options = null)
    {
        PendingOutput.ThrowIfNotWritable(output);
        var delimiter = (options ?? CsvTableWriterOptions.Default).Delimiter;
        if (!char.IsAscii(delimiter) || delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{delimiter}' cannot separate CSV fields: use an ASCII character other than a double quote or a line break.", nameof(options));
        }

        _output = output;
        _pending = new PendingOutput(output);
        _delimiter = (byte)delimiter;
        _charactersToQuote = SearchValues.Create([delimiter, '"', '\r', '\n']);
        _pending.Writer.Write(Encoding.UTF8.Preamble);
    }

    public void WriteHeader(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ThrowIfFinished();
        if (_rowsStarted)
        {
            throw new InvalidOperationException("The header goes before any row, and only once.");
        }

        _rowsStarted = true;
        for (var i = 0; i < columnNames.Count; i++)
        {
            WriteDelimiterBefore(i);
            WriteText(columnNames[i]);
        }
        WriteLineEnd();
    }

    public ValueTask WriteRowAsync(ReadOnlySpan<TableCell> cells, CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        _rowsStarted = true;
        for (var i = 0; i < cells.Length; i++)
        {
            WriteDelimiterBefore(i);
            WriteCell(in cells[i]);
        }
        WriteLineEnd();
        return _pending.DrainWhenFullAsync(cancellationToken);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfFinished();
        _finished = true;
        await _pending.DrainAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        return ValueTask.CompletedTask;
    }

    private void WriteCell(in TableCell cell)
    {
        Span<char> formatted = stackalloc char[TableCell.MaxFormattedLength];
        int length;
        switch (cell.Kind)
        {
            case TableCellKind.Empty:
                return;
            case TableCellKind.Text:
                WriteText(cell.Text);
                return;
            case TableCellKind.Date:
                cell.Date.TryFormat(formatted, out length, TableCell.DateTextFormat, CultureInfo.InvariantCulture);
                break;
            default:
                cell.TryFormatNumber(formatted, out length);
                break;
        }
        WriteUtf8(formatted[..length]);
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        var guarded = FormulaGuard.NeedsPrefix(text);
        if (!text.ContainsAny(_charactersToQuote))
        {
            if (guarded)
            {
                WriteByte((byte)FormulaGuard.Prefix);
            }
            WriteUtf8(text);
            return;
        }

        WriteByte((byte)'"');
        if (guarded)
        {
            WriteByte((byte)FormulaGuard.Prefix);
        }
        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            WriteUtf8(text[..(quote + 1)]);
            WriteByte((byte)'"');
            text = text[(quote + 1)..];
        }
        WriteUtf8(text);
        WriteByte((byte)'"');
    }

    private void WriteDelimiterBefore(int column)
    {
        if (column > 0)
        {
            WriteByte(_delimiter);
        }
    }

    private void WriteLineEnd()
    {
        var span = _pending.Writer.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        _pending.Writer.Advance(2);
    }

    private void WriteByte(byte value)
    {
        _pending.Writer.GetSpan(1)[0] = value;
        _pending.Writer.Advance(1);
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var destination = _pending.Writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _pending.Writer.Advance(Encoding.UTF8.GetBytes(text, destination));
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The table is already complete (or was disposed).");
        }
    }
}
