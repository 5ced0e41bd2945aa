using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Digest;

/// <summary>
/// Turns a region's figures into one recipient's digest, in the recipient's language: what a Bupati reads on a phone
/// in a minute (workers covered against the target, what changed, what lapses soon) first, then the details
/// (segments, occupations, uploads and their rejected rows, budget use). No I/O: the caller renders the chart and
/// sends the mail. The tables are <see cref="DigestCoverageTables"/>' (and the compliance section's), the bodies
/// <see cref="DigestBodies"/>'.
/// </summary>
public static class DigestComposer
{
    /// <summary>Occupations listed by name in the bodies; the rest are summed as one line.</summary>
    public const int OccupationsShown = 8;

    public const string ChartContentId = "grafik-cakupan@jamsostek";

    /// <summary>The Content-ID of the compliance section's chart of the total owed.</summary>
    public const string ComplianceChartContentId = "grafik-tunggakan@jamsostek";

    public static DigestMessage Compose(DigestRecipient recipient, DigestFigures figures, DigestSnapshot? previous, DigestWeek week)
    {
        var words = new DigestWords(recipient.Language);
        var regionName = figures.RegionName ?? words.InReaderLanguage($"Wilayah {figures.Region}", $"Region {figures.Region}");
        var timeZone = RegionTimeZone.Abbreviation(RegionCode.Parse(figures.Region));
        var compliance = figures.Compliance is { } complianceFigures ? new DigestComplianceSection(complianceFigures, words) : null;
        var tables = new DigestCoverageTables(figures, previous, words, compliance).All();
        var subject = words.InReaderLanguage(
            $"Ringkasan mingguan kepesertaan: {regionName}, {words.Date(figures.AsOf)}",
            $"Weekly coverage digest: {regionName}, {words.Date(figures.AsOf)}");
        var workbook = $"{words.InReaderLanguage("ringkasan-cakupan", "coverage-digest")}-{figures.Region}-{week}.xlsx";
        var bodies = new DigestBodies(recipient, figures, previous, words, regionName, timeZone, workbook, compliance);
        DigestTable[] workbookTables = [.. tables, .. compliance?.Tables() ?? []];
        return new DigestMessage(subject, bodies.Text(), bodies.Html(tables), workbookTables, workbook, ChartContentId,
            words.InReaderLanguage("grafik-cakupan.png", "coverage-chart.png"), CoverageChart(figures, words))
        {
            ComplianceChart = compliance?.Chart(),
        };
    }

    /// <summary>"38 hari lagi", "besok", "hari ini" / "in 38 days", "tomorrow", "today".</summary>
    public static string DaysLeft(int days, Language language) => days switch
    {
        0 => language == Language.En ? "today" : "hari ini",
        1 => language == Language.En ? "tomorrow" : "besok",
        _ => language == Language.En ? $"in {UserFormat.Number(days, language)} days" : $"{UserFormat.Number(days, language)} hari lagi",
    };

    /// <summary>"5.600 pekerja kehilangan perlindungan pada 31 Desember 2025, 38 hari lagi".</summary>
    public static string LapseSentence(LapseFigure lapse, Language language) => language == Language.En
        ? $"{UserFormat.Number(lapse.Participants, language)} workers lose cover on {UserFormat.Date(lapse.Date, language)}, {DaysLeft(lapse.DaysLeft, language)}"
        : $"{UserFormat.Number(lapse.Participants, language)} pekerja kehilangan perlindungan pada {UserFormat.Date(lapse.Date, language)}, {DaysLeft(lapse.DaysLeft, language)}";

    /// <summary>"+35", "-12", "0" in the reader's digits.</summary>
    public static string Signed(int change, Language language) =>
        change > 0 ? "+" + UserFormat.Number(change, language) : change < 0 ? "-" + UserFormat.Number(-change, language) : "0";

    /// <summary>Bars of workers covered and of the target, for the region as a whole and each segment.</summary>
    private static DigestChartData CoverageChart(DigestFigures figures, DigestWords words) => new(
        words.InReaderLanguage("Pekerja terlindungi dan target", "Workers covered and targets"),
        words.InReaderLanguage("Terlindungi", "Covered"),
        "Target",
        [words.InReaderLanguage("Jumlah", "Total"), .. figures.Segments.Select(segment => DigestLabels.Segment(segment.Segment, words.Language))],
        [figures.Active, .. figures.Segments.Select(segment => segment.Active)],
        [figures.Target, .. figures.Segments.Select(segment => segment.Target)]);
}
