using System.Globalization;

namespace Jamsostek.Core.Values;

/// <summary>
/// Free text (agreement numbers, addresses, legal basis): whitespace trimmed and collapsed. A number cell gives
/// its invariant digits without a trailing ".0" (a "No. PKS" typed as a number is 33, not 33.0); a date cell gives
/// yyyy-MM-dd; TRUE/FALSE give "TRUE"/"FALSE" as Excel shows them. Never fails.
/// </summary>
public static class TextValue
{
    public static ParsedValue<string> Parse(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => Normalize.Whitespace(s),
            double number => FromNumber(number),
            DateTime dateTime => dateTime.TimeOfDay == TimeSpan.Zero
                ? dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool flag => flag ? "TRUE" : "FALSE",
            _ => Normalize.Whitespace(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty),
        };
        return string.IsNullOrEmpty(text) ? ParsedValue<string>.Empty : ParsedValue<string>.Ok(text);
    }

    private static string FromNumber(double number)
    {
        // Through decimal, integral values print without exponent or ".0" (1500000000, not 1.5E+09).
        if (double.IsFinite(number) && Math.Abs(number) < 7.9e28)
        {
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
