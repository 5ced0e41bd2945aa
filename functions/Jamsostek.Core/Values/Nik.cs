using System.Globalization;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// Nomor Induk Kependudukan: 16 digits. Reading checks structure only (what the digits mean is validation's
/// business, helped by <see cref="TryReadBirthDate"/>).
/// </summary>
public static class Nik
{
    public const int Length = 16;

    // Excel keeps 15 significant digits: any number this large has lost the NIK's last digit.
    private const double PrecisionLostFrom = 1e15;
    private const int MaxTextLength = 64;

    /// <summary>
    /// Text: spaces, dots, dashes and a leading apostrophe (Excel's "this is text" mark) are dropped; 16 digits
    /// must remain (NIK_FORMAT otherwise). A number cell, or text in scientific notation ("5,20401E+15"), of 16
    /// digits or more is NIK_PRECISION_LOST: the last digit is gone and only a text column can keep it.
    /// </summary>
    public static ParsedValue<string> Parse(object? cell) => cell switch
    {
        null => ParsedValue<string>.Empty,
        string text => ParseText(text),
        double number => FromNumber(number),
        _ => ParsedValue<string>.Fail(FindingCode.NikFormat, $"A {Cell.Kind(cell)} cell is not a NIK."),
    };

    /// <summary>"5204********0001": the first and last four digits, so a finding points at the row without the NIK.</summary>
    /// <remarks>
    /// Meant for a 16-digit NIK. Other text of 12 characters or more is masked the same way (eight asterisks,
    /// whatever the length, so the mask does not tell how many digits were typed); shorter text is all asterisks.
    /// </remarks>
    public static string Masked(string nik)
    {
        ArgumentNullException.ThrowIfNull(nik);
        var s = nik.AsSpan().Trim();
        if (s.Length < 12)
        {
            return new string('*', s.Length);
        }
        Span<char> masked = stackalloc char[Length];
        s[..4].CopyTo(masked);
        masked[4..12].Fill('*');
        s[^4..].CopyTo(masked[12..]);
        return new string(masked);
    }

    /// <summary>
    /// Decodes digits 7-12 of a 16-digit NIK as DDMMYY, where women's day is the day plus 40 (41-71).
    /// The century is the latest one that does not put the date after <paramref name="today"/>.
    /// False when the NIK is not 16 digits or the digits are not a date.
    /// </summary>
    public static bool TryReadBirthDate(string nik, DateOnly today, out DateOnly date, out bool female)
    {
        ArgumentNullException.ThrowIfNull(nik);
        date = default;
        female = false;
        var s = nik.AsSpan();
        if (s.Length != Length || !Cell.IsAllAsciiDigits(s))
        {
            return false;
        }
        var day = Cell.DigitsValue(s[6..8]);
        var month = Cell.DigitsValue(s[8..10]);
        var year = Cell.DigitsValue(s[10..12]);
        if (day > 40)
        {
            female = true;
            day -= 40;
        }
        if (day < 1 || month is < 1 or > 12)
        {
            return false;
        }
        // 29 February may exist in one century and not the other (2000 is a leap year, 1900 is not).
        foreach (var century in (ReadOnlySpan<int>)[2000, 1900])
        {
            var fullYear = century + year;
            if (day <= DateTime.DaysInMonth(fullYear, month))
            {
                var candidate = new DateOnly(fullYear, month, day);
                if (candidate <= today)
                {
                    date = candidate;
                    return true;
                }
            }
        }
        return false;
    }

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
            return FormatFail("Far too long for a NIK.");
        }
        if (s.ContainsAny('e', 'E'))
        {
            return FromScientific(s);
        }

        Span<char> digits = stackalloc char[s.Length];
        var count = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (!(Cell.IsGroupSpace(c) || c is '.' or '-'))
            {
                return FormatFail("A NIK has digits only.");
            }
        }
        if (count != Length)
        {
            return FormatFail($"{count} digits; a NIK has {Length}.");
        }
        // Most cells hold exactly the 16 digits: keep the reader's string rather than copying it.
        return ParsedValue<string>.Ok(text.Length == Length ? text : new string(digits[..count]));
    }

    // "5,20401E+15" or "5.20401120390000E+15": what a NIK typed as a number shows when copied as text.
    private static ParsedValue<string> FromScientific(ReadOnlySpan<char> s)
    {
        Span<char> invariant = stackalloc char[s.Length];
        s.CopyTo(invariant);
        invariant.Replace(',', '.');
        if (!double.TryParse(invariant, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return FormatFail("A NIK has digits only.");
        }
        return number >= PrecisionLostFrom ? PrecisionLost() : FormatFail("A number in scientific notation, not 16 digits.");
    }

    private static ParsedValue<string> FromNumber(double number)
    {
        if (number >= PrecisionLostFrom)
        {
            return PrecisionLost();
        }
        if (!double.IsFinite(number) || number < 0 || number != Math.Floor(number))
        {
            return FormatFail("A number cell that is not a whole number.");
        }
        // Counted on the integer: Log10 rounds 999999999999999 up to 15.
        var digits = 1;
        for (var rest = (long)number; rest >= 10; rest /= 10)
        {
            digits++;
        }
        return FormatFail($"{digits} digits; a NIK has {Length}.");
    }

    private static ParsedValue<string> PrecisionLost() => ParsedValue<string>.Fail(
        FindingCode.NikPrecisionLost,
        "Stored as a number: Excel keeps 15 significant digits, so the last digit is lost. Format the column as text.");

    private static ParsedValue<string> FormatFail(string problem) => ParsedValue<string>.Fail(FindingCode.NikFormat, problem);
}
