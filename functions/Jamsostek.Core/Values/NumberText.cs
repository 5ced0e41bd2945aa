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
        if (!TryCountSeparators(text, out var separators, out problem) || !TryChooseMarks(text, separators, scaled, out var marks, out problem))
        {
            return false;
        }
        Span<char> invariant = stackalloc char[text.Length];
        if (!TryUngroup(text, marks, invariant, out var length, out problem))
        {
            return false;
        }
        if (!decimal.TryParse(invariant[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            problem = "The number is too large.";
            return false;
        }
        return true;
    }

    /// <summary>The separators between the digits; every one must stand between two digits.</summary>
    private static bool TryCountSeparators(ReadOnlySpan<char> text, out Separators separators, [NotNullWhen(false)] out string? problem)
    {
        separators = default;
        problem = null;
        int dots = 0, commas = 0, spaces = 0, last = -1;
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
            last = i;
        }
        separators = new Separators(dots, commas, spaces, last);
        return true;
    }

    /// <summary>Which mark separates decimals and which groups thousands ('\0': none).</summary>
    private static bool TryChooseMarks(ReadOnlySpan<char> text, Separators separators, bool scaled, out Marks marks, [NotNullWhen(false)] out string? problem)
    {
        marks = new Marks('\0', '\0');
        problem = null;
        if (separators.Last < 0)
        {
            return true;
        }
        var last = Cell.IsGroupSpace(text[separators.Last]) ? ' ' : text[separators.Last];
        if (separators.Dots > 0 && separators.Commas > 0)
        {
            if (last == ' ' || separators.Spaces > 0 || (last == '.' ? separators.Dots : separators.Commas) != 1)
            {
                problem = "Mixed '.' and ',' separators that do not read as thousands and decimals.";
                return false;
            }
            marks = new Marks(last, last == '.' ? ',' : '.');
            return true;
        }
        if (separators.Dots + separators.Commas == 0)
        {
            marks = new Marks('\0', ' ');
            return true;
        }
        return TryChooseForOneMark(separators, last, text.Length - separators.Last - 1, scaled, out marks, out problem);
    }

    /// <summary>Only '.' or only ',' (perhaps with spaces): what the mark means depends on how often and where it stands.</summary>
    private static bool TryChooseForOneMark(Separators separators, char last, int decimals, bool scaled, out Marks marks, [NotNullWhen(false)] out string? problem)
    {
        marks = new Marks('\0', '\0');
        problem = null;
        var mark = separators.Dots > 0 ? '.' : ',';
        var count = separators.Dots + separators.Commas;
        if (separators.Spaces > 0)
        {
            // "1 500 000,00": spaces group, the one mark at the end separates decimals ("1 500.000" is
            // ambiguous: three digits after the mark look like another group).
            if (count != 1 || last != mark || decimals == 3)
            {
                problem = "Spaces and '.' or ',' mixed as thousands separators.";
                return false;
            }
            marks = new Marks(mark, ' ');
        }
        else if (count > 1)
        {
            marks = new Marks('\0', mark);
        }
        else if (mark == '.')
        {
            // A lone '.' is thousands when three digits follow ("16.800"); with one or two it can only be
            // a decimal point ("16.5 juta", "16800.00" from an export).
            if (decimals > 3)
            {
                problem = "A '.' followed by more than three digits is neither thousands nor decimals.";
                return false;
            }
            marks = decimals == 3 ? new Marks('\0', '.') : new Marks('.', '\0');
        }
        else
        {
            marks = !scaled && decimals == 3 ? new Marks('\0', ',') : new Marks(',', '\0');
        }
        return true;
    }

    /// <summary>The digits without their group marks and with '.' for the decimal mark, every group checked to have three digits.</summary>
    private static bool TryUngroup(ReadOnlySpan<char> text, Marks marks, Span<char> invariant, out int length, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        length = 0;
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
            if (c == marks.Group && !inDecimals && (grouped ? groupLength == 3 : groupLength <= 3))
            {
                grouped = true;
                groupLength = 0;
            }
            else if (c == marks.Decimal && (!grouped || groupLength == 3))
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
        return true;
    }

    /// <param name="Last">The index of the last separator; -1 when there is none.</param>
    private readonly record struct Separators(int Dots, int Commas, int Spaces, int Last);

    private readonly record struct Marks(char Decimal, char Group);
}
