using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// Non-negative whole numbers such as targets: "5.600", "5600", "5 600", "5,600" (a ',' before exactly three
/// digits groups thousands), "5.600 orang", or an integral number cell. Failures use AMOUNT_FORMAT, the contract's
/// code for numbers.
/// </summary>
public static class WholeNumber
{
    // Units offices write after a head count.
    private static readonly SpellingTable<bool> Units = new([("orang", true), ("peserta", true), ("jiwa", true), ("pekerja", true)]);

    public static ParsedValue<int> Parse(object? cell) => cell switch
    {
        null => ParsedValue<int>.Empty,
        string text => ParseText(text),
        double number => FromNumber(number),
        _ => Fail($"A {Cell.Kind(cell)} cell is not a number."),
    };

    private static ParsedValue<int> FromNumber(double number)
    {
        if (!double.IsFinite(number) || number != Math.Floor(number))
        {
            return Fail("The number is not whole.");
        }
        return number switch
        {
            < 0 => Fail("The number is negative."),
            > int.MaxValue => Fail("The number is too large."),
            _ => ParsedValue<int>.Ok((int)number),
        };
    }

    private static ParsedValue<int> ParseText(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return ParsedValue<int>.Empty;
        }
        if (!s.ContainsAnyExcept('-'))
        {
            return ParsedValue<int>.Empty;
        }
        if (s[0] is '-' or '\u2212')
        {
            return Fail("The number is negative.");
        }
        var wordStart = s.Length;
        while (wordStart > 0 && char.IsLetter(s[wordStart - 1]))
        {
            wordStart--;
        }
        if (wordStart < s.Length)
        {
            if (!Units.TryFind(s[wordStart..], out _))
            {
                return Fail("Unexpected text after the number.");
            }
            s = s[..wordStart].TrimEnd();
        }
        if (!NumberText.TryRead(s, scaled: false, out var value, out var problem))
        {
            return Fail(problem);
        }
        if (value != decimal.Truncate(value))
        {
            return Fail("The number is not whole.");
        }
        return value > int.MaxValue ? Fail("The number is too large.") : ParsedValue<int>.Ok((int)value);
    }

    private static ParsedValue<int> Fail(string problem) => ParsedValue<int>.Fail(FindingCode.AmountFormat, problem);
}
