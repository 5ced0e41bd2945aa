using System.Diagnostics.CodeAnalysis;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// Rupiah amounts as offices type them: "Rp 1.500.000.000", "Rp1.500.000.000,00", "Rp 1.500.000,-", "1 500 000",
/// "16.800", "1,5 miliar", "1,5 M", "500 juta", "500 jt", "16.5 juta", or a number cell.
/// A scale word follows the number: ribu/rb, juta/jt, miliar/milyar/M, triliun/trilyun/T (and the English
/// thousand, million, billion, trillion). A bare "M" is miliar, as in Indonesian budgets ("Rp 1,5 M"); English
/// millions must be spelled out. A lone dash (the office's "none") reads as blank; negative amounts are refused.
/// </summary>
public static class RupiahAmount
{
    private static readonly SpellingTable<decimal> Scales = new([
        ("ribu", 1_000m), ("rb", 1_000m), ("thousand", 1_000m),
        ("juta", 1_000_000m), ("jt", 1_000_000m), ("million", 1_000_000m),
        ("miliar", 1_000_000_000m), ("milyar", 1_000_000_000m), ("miliyar", 1_000_000_000m), ("m", 1_000_000_000m),
        ("billion", 1_000_000_000m),
        ("triliun", 1_000_000_000_000m), ("trilyun", 1_000_000_000_000m), ("t", 1_000_000_000_000m),
        ("trillion", 1_000_000_000_000m),
    ]);

    public static ParsedValue<decimal> Parse(object? cell) => cell switch
    {
        null => ParsedValue<decimal>.Empty,
        string text => ParseText(text),
        double number => FromNumber(number),
        _ => Fail($"A {Cell.Kind(cell)} cell is not an amount."),
    };

    private static ParsedValue<decimal> FromNumber(double number)
    {
        if (!double.IsFinite(number) || Math.Abs(number) >= (double)decimal.MaxValue)
        {
            return Fail("The number is not a usable amount.");
        }
        return number < 0 ? Fail("The amount is negative.") : ParsedValue<decimal>.Ok((decimal)number);
    }

    private static ParsedValue<decimal> ParseText(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return ParsedValue<decimal>.Empty;
        }
        s = WithoutCurrency(s);
        if (s.IsEmpty)
        {
            return Fail("A currency sign without an amount.");
        }
        if (!s.ContainsAnyExcept('-'))
        {
            return ParsedValue<decimal>.Empty;
        }
        if (s[0] is '-' or '\u2212' or '(')
        {
            return Fail("The amount is negative.");
        }
        var number = SplitNumber(s, out var rest);
        if (!TryReadScale(rest, out var scale, out var scaleProblem))
        {
            return Fail(scaleProblem);
        }
        if (!NumberText.TryRead(number, scale != 1m, out var value, out var problem))
        {
            return Fail(problem);
        }
        if (value > decimal.MaxValue / scale)
        {
            return Fail("The amount is too large.");
        }
        return ParsedValue<decimal>.Ok(WithoutTrailingZeros(value * scale));
    }

    /// <summary>The number's digits and separators; <paramref name="rest"/>, the words after them.</summary>
    private static ReadOnlySpan<char> SplitNumber(ReadOnlySpan<char> s, out ReadOnlySpan<char> rest)
    {
        var end = NumberEnd(s);
        var number = s[..end];
        rest = s[end..];
        // "Rp 1.500.000,-": the dash says "no sen", it is not a minus.
        if (!number.IsEmpty && number[^1] is ',' or '.' && rest.StartsWith('-'))
        {
            number = number[..^1];
            rest = rest[1..];
        }
        rest = rest.Trim();
        return number;
    }

    /// <summary>The scale word after the number ("juta"), 1 when there is none; only "rupiah" may follow it.</summary>
    private static bool TryReadScale(ReadOnlySpan<char> rest, out decimal scale, [NotNullWhen(false)] out string? problem)
    {
        scale = 1m;
        problem = null;
        if (rest.IsEmpty)
        {
            return true;
        }
        var word = LeadingWord(rest);
        rest = AfterWord(rest, word.Length);
        if (Scales.TryFind(word, out scale))
        {
            word = LeadingWord(rest);
            rest = AfterWord(rest, word.Length);
        }
        else
        {
            scale = 1m;
        }
        // Whatever word is left may only be the currency itself: "500 juta rupiah".
        if (!word.IsEmpty && !IsRupiahWord(word))
        {
            problem = "Unknown word after the amount; use ribu, juta or miliar.";
            return false;
        }
        if (!rest.IsEmpty)
        {
            problem = "Unexpected text after the amount.";
            return false;
        }
        return true;
    }

    // 1,5 x 1.000.000.000 is 1500000000.0 to decimal; staged values and reports should read 1500000000.
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    private static ReadOnlySpan<char> WithoutCurrency(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
            if (s.StartsWith('.'))
            {
                s = s[1..];
            }
        }
        else if (s.StartsWith("idr", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }
        return s.TrimStart();
    }

    // Digits and separators, where a space counts only between two digits ("1 500 000" but not "500 juta").
    private static int NumberEnd(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var between = i > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1]);
            if (!(char.IsAsciiDigit(c) || c is '.' or ',' || (Cell.IsGroupSpace(c) && between)))
            {
                break;
            }
            i++;
        }
        return i;
    }

    private static ReadOnlySpan<char> LeadingWord(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }
        return s[..i];
    }

    // Past the word, an abbreviation's dot ("jt.") and the spaces after it.
    private static ReadOnlySpan<char> AfterWord(ReadOnlySpan<char> s, int wordLength)
    {
        s = s[wordLength..];
        if (wordLength > 0 && s.StartsWith('.'))
        {
            s = s[1..];
        }
        return s.TrimStart();
    }

    private static bool IsRupiahWord(ReadOnlySpan<char> word) =>
        word.Equals("rupiah", StringComparison.OrdinalIgnoreCase) || word.Equals("rp", StringComparison.OrdinalIgnoreCase);

    private static ParsedValue<decimal> Fail(string problem) => ParsedValue<decimal>.Fail(FindingCode.AmountFormat, problem);
}
