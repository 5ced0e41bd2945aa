using System.Globalization;

namespace Jamsostek.Core.Values;

/// <summary>
/// Registration numbers of a fixed number of digits (KPJ, NPP) as offices type them: spaces, dots, dashes and a leading
/// apostrophe are dropped; a whole-number cell is read as its digits (so one that lost a leading zero is a digit short).
/// </summary>
internal static class FixedDigits
{
    public static ParsedValue<string> Parse(object? cell, int length, string errorCode, string what) => cell switch
    {
        null => ParsedValue<string>.Empty,
        string text => ParseText(text, length, errorCode, what),
        double number when double.IsFinite(number) && number >= 0 && number < 1e15 && number == Math.Floor(number) =>
            ParseText(((long)number).ToString(CultureInfo.InvariantCulture), length, errorCode, what),
        _ => ParsedValue<string>.Fail(errorCode, $"A {Cell.Kind(cell)} cell is not {what}."),
    };

    private static ParsedValue<string> ParseText(string text, int length, string errorCode, string what)
    {
        var s = text.AsSpan().Trim();
        if (s.StartsWith('\''))
        {
            s = s[1..].TrimStart();
        }
        if (s.IsEmpty)
        {
            return ParsedValue<string>.Empty;
        }
        Span<char> digits = stackalloc char[length];
        var count = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < length)
                {
                    digits[count] = c;
                }
                count++;
            }
            else if (!(Cell.IsGroupSpace(c) || c is '.' or '-'))
            {
                return ParsedValue<string>.Fail(errorCode, $"{Capitalized(what)} has digits only.");
            }
        }
        return count == length
            ? ParsedValue<string>.Ok(text.Length == length ? text : new string(digits))
            : ParsedValue<string>.Fail(errorCode, $"{count} digits; {what} has {length}.");
    }

    private static string Capitalized(string what) => char.ToUpperInvariant(what[0]) + what[1..];
}
