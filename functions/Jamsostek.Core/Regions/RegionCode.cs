using System.Diagnostics.CodeAnalysis;

namespace Jamsostek.Core.Regions;

/// <summary>
/// A 4-digit Kemendagri regency/city code (5204 = Sumbawa). Offices also write it dotted ("52.04"),
/// which means the same region.
/// </summary>
public readonly record struct RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 2-digit province part (52 = Nusa Tenggara Barat).</summary>
    public string ProvinceCode => Value[..2];

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out RegionCode? region)
    {
        region = null;
        text = text.Trim();
        Span<char> digits = stackalloc char[4];
        var count = 0;
        var dotted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == 4)
                {
                    return false;
                }
                digits[count++] = c;
            }
            else if (c == '.' && count == 2 && !dotted)
            {
                // The province/regency separator, once and only in its place.
                dotted = true;
            }
            else
            {
                return false;
            }
        }
        if (count != 4 || digits[0] == '0')
        {
            return false;
        }
        region = new RegionCode(new string(digits));
        return true;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var region)
            ? region.Value
            : throw new FormatException("A region code has 4 digits, like 5204 or 52.04.");

    public override string ToString() => Value;
}
