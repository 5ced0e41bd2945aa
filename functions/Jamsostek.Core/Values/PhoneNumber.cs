using System.Globalization;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// Indonesian mobile numbers normalized to E.164: "0812-3456-7890", "0812 3456 7890", "62812...", "+62 812...",
/// "(+62) 812...", "812...", a number cell 81234567890 all give "+6281234567890". Valid: after 62 comes an 8 and
/// 9 to 12 digits in all. Anything else (landlines, foreign numbers, two numbers in one cell) is PHONE_FORMAT.
/// </summary>
public static class PhoneNumber
{
    private const int MinDigitsAfterCountryCode = 9;
    private const int MaxDigitsAfterCountryCode = 12;
    private const int MaxTextLength = 40;

    public static ParsedValue<string> Parse(object? cell) => cell switch
    {
        null => ParsedValue<string>.Empty,
        string text => ParseText(text),
        double number when double.IsFinite(number) && number >= 1 && number < 1e15 && number == Math.Floor(number) =>
            FromDigits(((long)number).ToString(CultureInfo.InvariantCulture), international: false),
        _ => Fail($"A {Cell.Kind(cell)} cell that is not a phone number."),
    };

    private static ParsedValue<string> ParseText(string text)
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
        if (s.Length > MaxTextLength)
        {
            return Fail("Too long for one phone number.");
        }
        Span<char> digits = stackalloc char[s.Length];
        var count = 0;
        var international = false;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !international)
            {
                international = true;
            }
            else if (!(Cell.IsGroupSpace(c) || c is '-' or '.' or '(' or ')'))
            {
                return Fail("Unexpected characters in a phone number.");
            }
        }
        return FromDigits(digits[..count], international);
    }

    private static ParsedValue<string> FromDigits(ReadOnlySpan<char> digits, bool international)
    {
        ReadOnlySpan<char> subscriber;
        if (digits.StartsWith("62"))
        {
            subscriber = digits[2..];
        }
        else if (international)
        {
            return Fail("Not an Indonesian number (+62).");
        }
        else if (digits.StartsWith("0062"))
        {
            subscriber = digits[4..];
        }
        else if (digits.StartsWith('0'))
        {
            subscriber = digits[1..];
        }
        else
        {
            subscriber = digits;
        }
        // "+62 0812...": the trunk 0 kept after the country code.
        if (subscriber.StartsWith('0'))
        {
            subscriber = subscriber[1..];
        }
        if (!subscriber.StartsWith('8'))
        {
            return Fail("Not a mobile number (08...).");
        }
        if (subscriber.Length is < MinDigitsAfterCountryCode or > MaxDigitsAfterCountryCode)
        {
            return Fail($"{subscriber.Length + 1} digits after the leading 0; a mobile number has {MinDigitsAfterCountryCode + 1} to {MaxDigitsAfterCountryCode + 1}.");
        }
        return ParsedValue<string>.Ok(string.Concat("+62", subscriber));
    }

    private static ParsedValue<string> Fail(string problem) => ParsedValue<string>.Fail(FindingCode.PhoneFormat, problem);
}
