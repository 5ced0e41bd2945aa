using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Digest;

/// <summary>The digest's table cells: the value the workbook keeps (a number, a date) and the text the email shows.</summary>
internal static class DigestCells
{
    public static DigestCell Text(string text) => new(text, text);

    public static DigestCell Count(int value, Language language) => new(value, UserFormat.Number(value, language));

    /// <summary>A change since the previous digest: "+35", "-12", "0".</summary>
    public static DigestCell Change(int value, Language language) => new(value, DigestComposer.Signed(value, language));

    public static DigestCell Date(DateOnly date, Language language) => new(date, UserFormat.Date(date, language));

    public static DigestCell Money(decimal amount, Language language) => new(amount, UserFormat.CompactRupiah(amount, language));

    public static DigestCell Percent(decimal? percent, Language language) =>
        percent is { } known ? new(known, UserFormat.Number(known, language, 1) + "%") : DigestCell.Empty;
}
