using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Jamsostek.Core.Values;

/// <summary>
/// The digits of an amount or a count with Indonesian grouping: '.' for thousands and ',' for decimals
/// ("1.500.000,00"), also spaces for thousands ("1 500 000"). English grouping is read where it cannot be
/// mistaken ("1,500,000.00": both marks present, or one mark repeated).
/// </summary>
internal static class NumberText
{
    private const int MaxLength = 48;

    /// <param name="text">Digits and separators only (currency signs and words already removed).</param>
    /// <param name="scaled">
    /// A scale word follows ("1,500 juta"): a single ',' is then always the decimal comma, whereas without one
    /// ",ddd" is read as thousands ("16,800" is 16800: rupiah have no thousandths).
    /// </param>
    public static bool TryRead(ReadOnlySpan<char> text, bool scaled, out decimal value, [NotNullWhen(false)] out string? problem)
    {
        value = 0;
        problem = null;
        if (text.IsEmpty)
        {
            problem = "No digits.";
            return false;
        }
        if (text.Length > MaxLength)
        {
            problem = "Too many characters for a number.";
            return false;
        }

        int dots = 0, commas = 0, spaces = 0, lastSeparator = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                continue;
            }
            if (i == 0 || i == text.Length - 1 || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1]))
            {
                problem = "A separator must stand between digits.";
                return false;
            }
            if (c == '.')
            {
                dots++;
            }
            else if (c == ',')
            {
                commas++;
            }
            else if (Cell.IsGroupSpace(c))
            {
                spaces++;
            }
            else
            {
                problem = "Not a number: unexpected characters.";
                return false;
            }
            lastSeparator = i;
        }

        // Decide which mark separates decimals and which groups thousands ('\0': none).
        var decimalMark = '\0';
        var groupMark = '\0';
        if (lastSeparator >= 0)
        {
            var last = Cell.IsGroupSpace(text[lastSeparator]) ? ' ' : text[lastSeparator];
            var marks = dots + commas;
            if (dots > 0 && commas > 0)
            {
                if (last == ' ' || spaces > 0 || (last == '.' ? dots : commas) != 1)
                {
                    problem = "Mixed '.' and ',' separators that do not read as thousands and decimals.";
                    return false;
                }
                decimalMark = last;
                groupMark = last == '.' ? ',' : '.';
            }
            else if (marks == 0)
            {
                groupMark = ' ';
            }
            else
            {
                var mark = dots > 0 ? '.' : ',';
                var decimals = text.Length - lastSeparator - 1;
                if (spaces > 0)
                {
                    // "1 500 000,00": spaces group, the one mark at the end separates decimals ("1 500.000" is
                    // ambiguous: three digits after the mark look like another group).
                    if (marks != 1 || last != mark || decimals == 3)
                    {
                        problem = "Spaces and '.' or ',' mixed as thousands separators.";
                        return false;
                    }
                    decimalMark = mark;
                    groupMark = ' ';
                }
                else if (marks > 1)
                {
                    groupMark = mark;
                }
                else if (mark == '.')
                {
                    // A lone '.' is thousands when three digits follow ("16.800"); with one or two it can only be
                    // a decimal point ("16.5 juta", "16800.00" from an export).
                    if (decimals == 3)
                    {
                        groupMark = '.';
                    }
                    else if (decimals < 3)
                    {
                        decimalMark = '.';
                    }
                    else
                    {
                        problem = "A '.' followed by more than three digits is neither thousands nor decimals.";
                        return false;
                    }
                }
                else if (!scaled && decimals == 3)
                {
                    groupMark = ',';
                }
                else
                {
                    decimalMark = ',';
                }
            }
        }

        Span<char> invariant = stackalloc char[text.Length];
        var length = 0;
        var groupLength = 0;
        var grouped = false;
        var inDecimals = false;
        foreach (var raw in text)
        {
            if (char.IsAsciiDigit(raw))
            {
                invariant[length++] = raw;
                groupLength++;
                continue;
            }
            var c = Cell.IsGroupSpace(raw) ? ' ' : raw;
            if (c == groupMark && !inDecimals && (grouped ? groupLength == 3 : groupLength <= 3))
            {
                grouped = true;
                groupLength = 0;
            }
            else if (c == decimalMark && (!grouped || groupLength == 3))
            {
                invariant[length++] = '.';
                inDecimals = true;
            }
            else
            {
                problem = "Thousands groups must have three digits (1.500.000).";
                return false;
            }
        }
        if (grouped && !inDecimals && groupLength != 3)
        {
            problem = "Thousands groups must have three digits (1.500.000).";
            return false;
        }
        if (!decimal.TryParse(invariant[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            problem = "The number is too large.";
            return false;
        }
        return true;
    }
}
