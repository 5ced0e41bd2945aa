using System.Globalization;

namespace Jamsostek.Core.Values;

/// <summary>
/// Nomor KPJ (the BPJS Ketenagakerjaan membership card number): 11 digits. Spaces, dots, dashes and a leading
/// apostrophe are dropped. Unlike a NIK, 11 digits survive a number cell intact, so a number cell is fine.
/// </summary>
public static class Kpj
{
    public const int Length = 11;

    public static ParsedValue<string> Parse(object? cell) => cell switch
    {
        null => ParsedValue<string>.Empty,
        string text => ParseText(text),
        double number when double.IsFinite(number) && number >= 0 && number < 1e15 && number == Math.Floor(number) =>
            ParseText(((long)number).ToString(CultureInfo.InvariantCulture)),
        _ => Fail($"A {Cell.Kind(cell)} cell is not a KPJ number."),
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
                return Fail("A KPJ number has digits only.");
            }
        }
        if (count != Length)
        {
            return Fail($"{count} digits; a KPJ number has {Length}.");
        }
        return ParsedValue<string>.Ok(text.Length == Length ? text : new string(digits));
    }

    private static ParsedValue<string> Fail(string problem) => ParsedValue<string>.Fail(ValueCodes.KpjFormat, problem);
}
