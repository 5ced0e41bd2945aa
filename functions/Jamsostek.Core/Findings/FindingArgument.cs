using System.Globalization;

namespace Jamsostek.Core.Findings;

/// <summary>
/// One named value of a finding's message, kept in a form that does not depend on the reader's language (dates
/// ISO, numbers invariant) so that it can be stored and put into words later, formatted for Bahasa Indonesia or
/// English. A list holds messages of its own, joined by <see cref="Value"/>.
/// </summary>
public sealed record FindingArgument(string Name, ArgumentKind Kind, string Value, IReadOnlyList<FindingMessage>? Items = null)
{
    /// <summary>Text shown as it is: a column header, the office's own cell text, an agreement number.</summary>
    public static FindingArgument Literal(string name, string value) => new(name, ArgumentKind.Literal, value);

    /// <summary>A count or row number shown without digit grouping ("baris 1204").</summary>
    public static FindingArgument Literal(string name, int value) => new(name, ArgumentKind.Literal, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A quantity shown with the language's digit grouping ("5.600", "5,600").</summary>
    public static FindingArgument Number(string name, long value) => new(name, ArgumentKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A quantity with the decimals it has, no more ("50,1", "50").</summary>
    public static FindingArgument Number(string name, decimal value) => new(name, ArgumentKind.Number, value.ToString(CultureInfo.InvariantCulture));

    public static FindingArgument Date(string name, DateOnly value) => new(name, ArgumentKind.Date, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static FindingArgument Rupiah(string name, decimal value) => new(name, ArgumentKind.Rupiah, value.ToString(CultureInfo.InvariantCulture));

    public static FindingArgument List(string name, string separator, IReadOnlyList<FindingMessage> items) => new(name, ArgumentKind.List, separator, items);
}

public enum ArgumentKind
{
    Literal,
    Number,
    Date,
    Rupiah,
    List,
}
