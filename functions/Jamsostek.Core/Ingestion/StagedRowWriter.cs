using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// Writes staged rows as JSON lines, one row per line:
/// <c>{"row":17,"cells":[{"f":"nik","c":"B17","t":"5204…","v":"5204…"},{"f":"birth_date","c":"E17","t":"31/02/1990","e":"DATE_FORMAT","p":"…"}],"extra":[{"h":"Catatan","c":"P17","t":"…"}]}</c>.
/// <c>t</c> is the cell as the office typed it, <c>v</c> the parsed value (ISO date, number, canonical code),
/// <c>e</c>/<c>p</c> why it could not be parsed; <c>extra</c> keeps unrecognised columns for the rejected-rows file;
/// <c>dup</c>, when present, is the row where the same NIK (or agreement number) first appears in the file.
/// Text longer than a cell may hold is staged cut at the limit: a field's with <c>e</c> <c>CELL_TOO_LONG</c> and its
/// length in <c>p</c>, an unrecognised column's silently (it only goes back to the office in the rejected-rows file).
/// </summary>
public sealed class StagedRowWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _json;
    private readonly int _maxCellCharacters;

    public StagedRowWriter(int expectedRows, int maxCellCharacters = 32_767)
    {
        _buffer = new ArrayBufferWriter<byte>(Math.Max(expectedRows, 1) * 512);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _maxCellCharacters = maxCellCharacters;
    }

    public int RowCount { get; private set; }

    /// <summary>The bytes of the rows written since the last flush.</summary>
    public int PendingBytes => _buffer.WrittenCount;

    /// <summary>The bytes the last row written took.</summary>
    public int LastRowBytes { get; private set; }

    /// <param name="duplicateOf">The row where this row's key (NIK, agreement number) first appears in the file, when this is a repeat.</param>
    public void Write(MappedRow row, int? duplicateOf = null)
    {
        var before = _buffer.WrittenCount;
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("row", row.RowNumber);
        if (duplicateOf is { } first)
        {
            _json.WriteNumber("dup", first);
        }
        _json.WriteStartArray("cells");
        foreach (var cell in row.Cells)
        {
            if (!cell.IsEmpty)
            {
                WriteField(cell);
            }
        }
        _json.WriteEndArray();
        if (row.Unrecognised.Count > 0)
        {
            WriteUnrecognised(row);
        }
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        RowCount++;
        LastRowBytes = _buffer.WrittenCount - before;
    }

    /// <summary>A field's cell: its text as typed and the parsed value, or why it could not be parsed (too long included).</summary>
    private void WriteField(MappedCell cell)
    {
        _json.WriteStartObject();
        _json.WriteString("f", cell.Field.Name);
        _json.WriteString("c", cell.Cell);
        var text = Text(cell.Value);
        if (text.Length > _maxCellCharacters)
        {
            _json.WriteString("t", Cut(text));
            _json.WriteString("e", FindingCode.CellTooLong);
            _json.WriteString("p", text.Length.ToString(CultureInfo.InvariantCulture));
            _json.WriteEndObject();
            return;
        }
        _json.WriteString("t", text);
        var parsed = FieldValues.Parse(cell.Field.Type, cell.Value);
        if (parsed.ErrorCode is not null)
        {
            _json.WriteString("e", parsed.ErrorCode);
            if (parsed.Problem is not null)
            {
                _json.WriteString("p", parsed.Problem);
            }
        }
        else
        {
            _json.WritePropertyName("v");
            WriteValue(parsed.Value);
        }
        _json.WriteEndObject();
    }

    /// <summary>The cells under headings the template does not know, kept for the rejected-rows file.</summary>
    private void WriteUnrecognised(MappedRow row)
    {
        _json.WriteStartArray("extra");
        foreach (var extra in row.Unrecognised)
        {
            if (extra.Value is null)
            {
                continue;
            }
            _json.WriteStartObject();
            _json.WriteString("h", extra.Header);
            _json.WriteString("c", Sheets.CellAddress.Of(extra.ColumnIndex, row.RowNumber));
            _json.WriteString("t", Cut(Text(extra.Value)));
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    /// <summary>The text cut at the cell limit, never between the two halves of a surrogate pair.</summary>
    private ReadOnlySpan<char> Cut(string text)
    {
        if (text.Length <= _maxCellCharacters)
        {
            return text;
        }
        var length = char.IsHighSurrogate(text[_maxCellCharacters - 1]) ? _maxCellCharacters - 1 : _maxCellCharacters;
        return text.AsSpan(0, length);
    }

    /// <summary>The rows written since the last flush; the writer starts a new chunk.</summary>
    public ReadOnlyMemory<byte> Flush()
    {
        var chunk = _buffer.WrittenMemory.ToArray();
        _buffer.ResetWrittenCount();
        RowCount = 0;
        return chunk;
    }

    /// <summary>A cell as text, the way the office sees it: dates as dd/MM/yyyy, numbers without exponent where exact.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                break;
            case string text:
                _json.WriteStringValue(text);
                break;
            case DateOnly date:
                _json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case decimal amount:
                _json.WriteNumberValue(amount);
                break;
            case int number:
                _json.WriteNumberValue(number);
                break;
            case long number:
                _json.WriteNumberValue(number);
                break;
            case double number:
                _json.WriteNumberValue(number);
                break;
            case bool flag:
                _json.WriteBooleanValue(flag);
                break;
            default:
                _json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
