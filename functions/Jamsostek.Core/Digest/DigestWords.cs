using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Digest;

/// <summary>
/// How the digest speaks to its reader: every phrase is written in both languages side by side, so the two versions
/// say the same, and numbers, amounts and dates are written the way the reader's language writes them.
/// </summary>
internal sealed class DigestWords(Language language)
{
    public Language Language => language;

    public bool IsEnglish => language == Language.En;

    /// <summary>The phrase in the reader's language.</summary>
    public string InReaderLanguage(string indonesian, string english) => IsEnglish ? english : indonesian;

    /// <summary>"5.600" / "5,600".</summary>
    public string Number(int value) => UserFormat.Number(value, language);

    /// <summary>"85,4%" / "85.4%"; "-" when there is no target to measure against.</summary>
    public string Percent(decimal? percent) => percent is { } known ? UserFormat.Number(known, language, 1) + "%" : "-";

    /// <summary>"Rp 1,5 miliar" / "IDR 1.5 billion".</summary>
    public string Money(decimal amount) => UserFormat.CompactRupiah(amount, language);

    /// <summary>"31 Desember 2025" / "31 Dec 2025".</summary>
    public string Date(DateOnly date) => UserFormat.Date(date, language);
}
