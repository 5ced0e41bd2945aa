using System.Globalization;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Text;

/// <summary>
/// Numbers, amounts and dates as people read them: Indonesian "5.600", "Rp 1.500.000.000", "31 Desember 2025",
/// "38,2%"; English "5,600", "IDR 1,500,000,000", "31 Dec 2025", "38.2%". Written out by hand so the text does not
/// depend on the machine's ICU data.
/// </summary>
public static class UserFormat
{
    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Date(DateOnly date, Language language) =>
        $"{date.Day} {(language == Language.En ? EnglishMonths : IndonesianMonths)[date.Month - 1]} {date.Year}";

    public static string Number(decimal value, Language language, int decimals = 0)
    {
        var invariant = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, CultureInfo.InvariantCulture);
        return language == Language.En ? invariant : Swap(invariant);
    }

    public static string Number(long value, Language language) => Number((decimal)value, language);

    public static string Rupiah(decimal amount, Language language) =>
        (language == Language.En ? "IDR " : "Rp ") + Number(amount, language, amount == Math.Floor(amount) ? 0 : 2);

    public static string Percent(decimal fraction, Language language) => Number(fraction * 100, language, 1) + "%";

    /// <summary>
    /// An amount as people say it: "Rp 1,5 miliar", "Rp 948 juta", "Rp 39,3 juta" ("IDR 1.5 billion"); below a
    /// million the full amount ("Rp 16.800"). Two decimals under 10, one under 100, none above; trailing zeros dropped.
    /// </summary>
    public static string CompactRupiah(decimal amount, Language language)
    {
        var en = language == Language.En;
        var magnitude = Math.Abs(amount);
        var (unit, word) = magnitude switch
        {
            >= 1_000_000_000_000m => (1_000_000_000_000m, en ? "trillion" : "triliun"),
            >= 1_000_000_000m => (1_000_000_000m, en ? "billion" : "miliar"),
            >= 1_000_000m => (1_000_000m, en ? "million" : "juta"),
            _ => (0m, ""),
        };
        if (unit == 0)
        {
            return Rupiah(Math.Round(amount, 0, MidpointRounding.AwayFromZero), language);
        }
        var scaled = amount / unit;
        var decimals = Math.Abs(scaled) switch { < 10 => 2, < 100 => 1, _ => 0 };
        var text = Number(Math.Round(scaled, decimals, MidpointRounding.AwayFromZero), language, decimals);
        if (decimals > 0)
        {
            var separator = en ? '.' : ',';
            text = text.TrimEnd('0').TrimEnd(separator);
        }
        return $"{(en ? "IDR " : "Rp ")}{text} {word}";
    }

    // "1,234.5" to "1.234,5".
    private static string Swap(string invariant) => string.Create(invariant.Length, invariant, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
        }
    });
}
