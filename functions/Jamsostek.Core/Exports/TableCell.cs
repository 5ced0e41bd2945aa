using System.Diagnostics;
using System.Globalization;

namespace Jamsostek.Core.Exports;

/// <summary>
/// One value of an exported table: text, a number (integer, decimal or double), a date, or empty.
/// A struct, so a row is a reusable span of cells and writing it allocates nothing per cell.
/// </summary>
public readonly struct TableCell
{
    private readonly string? _text;
    private readonly decimal _decimal;

    // The integer, the double's bits or the date's day number, by kind.
    private readonly long _bits;

    private TableCell(TableCellKind kind, string? text = null, long bits = 0, decimal decimalValue = 0)
    {
        Kind = kind;
        _text = text;
        _bits = bits;
        _decimal = decimalValue;
    }

    public TableCellKind Kind { get; }

    public static TableCell Empty => default;

    public bool IsEmpty => Kind == TableCellKind.Empty;

    /// <summary>The text of a text cell; empty for other kinds.</summary>
    public string Text => _text ?? string.Empty;

    // The values below mean something only for a cell of their kind.

    public long Integer => _bits;

    public decimal Decimal => _decimal;

    public double Double => BitConverter.Int64BitsToDouble(_bits);

    public DateOnly Date => DateOnly.FromDayNumber((int)_bits);

    public static TableCell FromText(string? value) => value is null ? Empty : new(TableCellKind.Text, text: value);

    public static TableCell FromInteger(long value) => new(TableCellKind.Integer, bits: value);

    public static TableCell FromDecimal(decimal value) => new(TableCellKind.Decimal, decimalValue: value);

    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite, which no spreadsheet cell holds.</exception>
    public static TableCell FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A table cell holds finite numbers only.");
        }
        return new(TableCellKind.Double, bits: BitConverter.DoubleToInt64Bits(value));
    }

    public static TableCell FromDate(DateOnly value) => new(TableCellKind.Date, bits: value.DayNumber);

    /// <summary>
    /// The cell for a value of unknown type: null, string, an integer type, decimal, double, float, DateOnly,
    /// or a DateTime at midnight (readers hand dates over as DateTime).
    /// </summary>
    /// <exception cref="ArgumentException">The value is of another type, or a DateTime with a time of day.</exception>
    public static TableCell From(object? value) => value switch
    {
        null or DBNull => Empty,
        string text => FromText(text),
        int number => FromInteger(number),
        long number => FromInteger(number),
        short number => FromInteger(number),
        byte number => FromInteger(number),
        decimal number => FromDecimal(number),
        double number => FromDouble(number),
        float number => FromDouble(number),
        DateOnly date => FromDate(date),
        DateTime { TimeOfDay.Ticks: 0 } dateTime => FromDate(DateOnly.FromDateTime(dateTime)),
        _ => throw new ArgumentException($"A table cell cannot hold a {value.GetType().Name} value.", nameof(value)),
    };

    public static implicit operator TableCell(string? value) => FromText(value);

    public static implicit operator TableCell(int value) => FromInteger(value);

    public static implicit operator TableCell(long value) => FromInteger(value);

    public static implicit operator TableCell(decimal value) => FromDecimal(value);

    public static implicit operator TableCell(double value) => FromDouble(value);

    public static implicit operator TableCell(DateOnly value) => FromDate(value);

    public static implicit operator TableCell(long? value) => value is { } v ? FromInteger(v) : Empty;

    public static implicit operator TableCell(decimal? value) => value is { } v ? FromDecimal(v) : Empty;

    public static implicit operator TableCell(double? value) => value is { } v ? FromDouble(v) : Empty;

    public static implicit operator TableCell(DateOnly? value) => value is { } v ? FromDate(v) : Empty;

    /// <summary>How dates read as text: the office's day/month/year.</summary>
    internal const string DateTextFormat = "dd/MM/yyyy";

    /// <summary>Room for any number or date this struct formats (a decimal takes at most 31 characters).</summary>
    internal const int MaxFormattedLength = 64;

    /// <summary>Writes a number cell in invariant culture ("-1234.5"), the form both CSV and SpreadsheetML expect.</summary>
    internal bool TryFormatNumber(Span<char> destination, out int written) => Kind switch
    {
        TableCellKind.Integer => _bits.TryFormat(destination, out written, default, CultureInfo.InvariantCulture),
        TableCellKind.Decimal => _decimal.TryFormat(destination, out written, default, CultureInfo.InvariantCulture),
        TableCellKind.Double => Double.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A {Kind} cell is not a number."),
    };

    /// <summary>The cell as CSV writes it: numbers invariant, dates day/month/year.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        return Kind switch
        {
            TableCellKind.Empty => string.Empty,
            TableCellKind.Text => Text,
            TableCellKind.Date => Date.ToString(DateTextFormat, CultureInfo.InvariantCulture),
            _ => TryFormatNumber(buffer, out var written) ? new string(buffer[..written]) : throw new UnreachableException(),
        };
    }
}
