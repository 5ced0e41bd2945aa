using System.Globalization;

namespace Jamsostek.Core.Values;

/// <summary>
/// NPP (Nomor Pendaftaran Perusahaan), an employer's BPJS Ketenagakerjaan registration number: 8 digits. Dots, spaces,
/// dashes and a leading apostrophe, as offices type it ("12.345.678", "1234 5678"), are dropped. A number cell is read
/// as its digits, so one that lost a leading zero is 7 digits and refused, as it should be.
/// </summary>
public static class Npp
{
    public const int Length = 8;

    public static ParsedValue<string> Parse(object? cell) => cell switch
    {
        null => ParsedValue<string>.Empty,
        string text => ParseText(text),
        double number when double.IsFinite(number) && number >= 0 && number < 1e15 && number == Math.Floor(number) =>
            ParseText(((long)number).ToString(CultureInfo.InvariantCulture)),
        _ => Fail($"A {Cell.Kind(cell)} cell is not an NPP."),
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
        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count < Length)
                {
                    digits[count] = c;
                }
                count++;
            }
            else if (!(Cell.IsGroupSpace(c) || c is '.' or '-'))
            {
                return Fail("An NPP has digits only.");
            }
        }
        return count == Length ? ParsedValue<string>.Ok(new string(digits)) : Fail($"{count} digits; an NPP has {Length}.");
    }

    private static ParsedValue<string> Fail(string problem) => ParsedValue<string>.Fail(Findings.FindingCode.NppFormat, problem);
}
