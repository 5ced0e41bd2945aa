namespace Jamsostek.Core.Values;

/// <summary>Small helpers about the cell values readers yield (string, double, DateTime, bool or null).</summary>
internal static class Cell
{
    /// <summary>What kind of cell it is, for problem details that must not repeat the value.</summary>
    public static string Kind(object cell) => cell switch
    {
        string => "text",
        double => "number",
        DateTime => "date",
        bool => "TRUE/FALSE",
        _ => cell.GetType().Name,
    };

    /// <summary>Spaces offices (or Excel's number formats) put between digit groups.</summary>
    public static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F';

    public static bool IsAllAsciiDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>The value of up to 9 ASCII digits (callers have checked they are digits).</summary>
    public static int DigitsValue(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }
        return value;
    }
}
