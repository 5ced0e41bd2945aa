using System.Net;
using System.Text;
using Jamsostek.Core.Compliance;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Digest;

/// <summary>
/// The digest's employer compliance section, for a region with snapshots: employers in arrears and the total owed
/// against the snapshot of a week earlier, the largest arrears, the cases stuck in one follow-up step, and the total
/// owed over the last snapshots (the chart). The plain text and the HTML say the same; the tables feed both the HTML
/// and the workbook.
/// </summary>
internal sealed class DigestComplianceSection(ComplianceFigures compliance, Language language)
{
    /// <summary>Stuck cases listed in the bodies, longest first; the workbook has them all.</summary>
    public const int StuckCasesShown = 10;

    private bool English => language == Language.En;

    private string Say(string indonesian, string english) => English ? english : indonesian;

    public string Heading => Say("Kepatuhan badan usaha", "Employer compliance");

    public string Headline
    {
        get
        {
            var date = UserFormat.Date(compliance.SnapshotDate, language);
            var count = compliance.EmployersInArrears;
            if (count == 0)
            {
                return Say($"Tidak ada badan usaha yang menunggak iuran menurut data {date}.", $"No employer is in arrears according to the data of {date}.");
            }
            return Say($"{Number(count)} badan usaha menunggak iuran dengan total tunggakan {Money(compliance.OwedIdr)} menurut data {date}.",
                $"{Number(count)} {(count == 1 ? "employer is" : "employers are")} in arrears, owing {Money(compliance.OwedIdr)} in total, according to the data of {date}.");
        }
    }

    /// <summary>Against the snapshot of a week earlier; or that there is no newer data, or nothing that old to compare with.</summary>
    public string WeekChangeLine
    {
        get
        {
            if (compliance.WeekEarlier is not { } earlier)
            {
                return Say("Belum ada data kepatuhan sepekan sebelumnya untuk dibandingkan.", "No compliance data from a week earlier to compare with.");
            }
            if (!compliance.HasNewerData)
            {
                return Say($"Belum ada data kepatuhan baru sejak pekan lalu; angka ini dari data {UserFormat.Date(compliance.SnapshotDate, language)}.",
                    $"No newer compliance data since last week; these figures are from the data of {UserFormat.Date(compliance.SnapshotDate, language)}.");
            }
            var employers = compliance.InArrearsChange!.Value switch
            {
                > 0 and var up => Say($"bertambah {Number(up)} badan usaha menunggak (sebelumnya {Number(earlier.EmployersInArrears)})",
                    $"{Number(up)} more {EmployerWord(up)} in arrears ({Number(earlier.EmployersInArrears)} then)"),
                < 0 and var down => Say($"berkurang {Number(-down)} badan usaha menunggak (sebelumnya {Number(earlier.EmployersInArrears)})",
                    $"{Number(-down)} fewer {EmployerWord(-down)} in arrears ({Number(earlier.EmployersInArrears)} then)"),
                _ => Say($"jumlah badan usaha menunggak tetap ({Number(earlier.EmployersInArrears)})",
                    $"the same number of employers in arrears ({Number(earlier.EmployersInArrears)})"),
            };
            var owed = compliance.OwedChange!.Value switch
            {
                > 0 and var up => Say($"total tunggakan naik {Money(up)} (sebelumnya {Money(earlier.OwedIdr)})",
                    $"total owed up {Money(up)} ({Money(earlier.OwedIdr)} then)"),
                < 0 and var down => Say($"total tunggakan turun {Money(-down)} (sebelumnya {Money(earlier.OwedIdr)})",
                    $"total owed down {Money(-down)} ({Money(earlier.OwedIdr)} then)"),
                _ => Say("total tunggakan tetap", "total owed unchanged"),
            };
            var date = UserFormat.Date(earlier.SnapshotDate, language);
            return Say($"Dibanding data {date}: {employers}, {owed}.", $"Against the data of {date}: {employers}, {owed}.");
        }
    }

    /// <summary>The chart's figures as a line, for readers of the plain text; null with a single snapshot (no chart then either).</summary>
    public string? HistoryLine => compliance.History.Count < 2
        ? null
        : Say("Total tunggakan menurut tanggal data: ", "Total owed by data date: ")
            + string.Join("; ", compliance.History.Select(totals => $"{UserFormat.Date(totals.SnapshotDate, language)} {Money(totals.OwedIdr)}")) + ".";

    public string LargestHeading => Say("Tunggakan terbesar", "Largest arrears");

    public string NoArrears => Say("Tidak ada badan usaha yang menunggak.", "No employer is in arrears.");

    public IEnumerable<string> LargestLines => compliance.Largest.Select(arrear =>
    {
        var text = $"{arrear.CompanyName} (NPP {arrear.Npp}): {Money(arrear.ArrearsIdr)}";
        if (arrear.ArrearsMonths is { } months)
        {
            text += Say($", {Number(months)} bulan", $", {Number(months)} {(months == 1 ? "month" : "months")}");
        }
        if (arrear.FollowupStatus is { } step)
        {
            text += ", " + FollowupStatus.Label(step, language);
        }
        return text + ".";
    });

    public string StuckHeading => Say($"Tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari di satu tahap tindak lanjut",
        $"Stuck in one follow-up step for over {ComplianceComparison.StuckAfterDays} days");

    public string NoStuckCases => Say($"Tidak ada kasus yang tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari.",
        $"No case has stayed in one step for over {ComplianceComparison.StuckAfterDays} days.");

    public IEnumerable<string> StuckLines => compliance.Stuck.Take(StuckCasesShown).Select(stuck => Say(
        $"{stuck.CompanyName} (NPP {stuck.Npp}): {Step(stuck.FollowupStatus)} sejak {UserFormat.Date(stuck.Since, language)}, {Number(stuck.Days)} hari.",
        $"{stuck.CompanyName} (NPP {stuck.Npp}): {Step(stuck.FollowupStatus)} since {UserFormat.Date(stuck.Since, language)}, {Number(stuck.Days)} days."));

    /// <summary>"... and 5 more cases in the attachment" when the bodies do not list them all; null otherwise.</summary>
    public string? MoreStuckCases => compliance.Stuck.Count > StuckCasesShown
        ? Say($"... dan {Number(compliance.Stuck.Count - StuckCasesShown)} kasus lain di lampiran.",
            $"... and {Number(compliance.Stuck.Count - StuckCasesShown)} more cases in the attachment.")
        : null;

    /// <summary>Rows for the workbook's summary sheet.</summary>
    public IEnumerable<DigestCell[]> SummaryRows()
    {
        var hasNewer = compliance.HasNewerData;
        yield return [DigestComposer.Cell(Say("Data kepatuhan per tanggal", "Compliance data as of")), DigestComposer.Date(compliance.SnapshotDate, language)];
        yield return [DigestComposer.Cell(Say("Badan usaha menunggak", "Employers in arrears")), DigestComposer.Count(compliance.EmployersInArrears, language)];
        yield return [DigestComposer.Cell(Say("Total tunggakan (Rp)", "Total owed (IDR)")), DigestComposer.Money(compliance.OwedIdr, language)];
        yield return [DigestComposer.Cell(Say("Dibanding data tanggal", "Compared with the data of")),
            hasNewer ? DigestComposer.Date(compliance.WeekEarlier!.SnapshotDate, language) : DigestComposer.Cell(WeekChangeLine)];
        yield return [DigestComposer.Cell(Say("Perubahan badan usaha menunggak", "Change in employers in arrears")),
            hasNewer ? DigestComposer.Change(compliance.InArrearsChange!.Value, language) : DigestCell.Empty];
        yield return [DigestComposer.Cell(Say("Perubahan total tunggakan (Rp)", "Change in total owed (IDR)")),
            hasNewer ? DigestComposer.Money(compliance.OwedChange!.Value, language) : DigestCell.Empty];
        yield return [DigestComposer.Cell(Say($"Kasus tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari", $"Cases stuck over {ComplianceComparison.StuckAfterDays} days")),
            DigestComposer.Count(compliance.Stuck.Count, language)];
    }

    public DigestTable LargestTable() => new(LargestHeading, LargestHeading,
        [Say("Perusahaan", "Company"), "NPP", Say("Tunggakan (Rp)", "Arrears (IDR)"), Say("Bulan menunggak", "Months in arrears"), Say("Tahap tindak lanjut", "Follow-up step")],
        [.. compliance.Largest.Select(arrear => new[]
        {
            DigestComposer.Cell(arrear.CompanyName),
            DigestComposer.Cell(arrear.Npp),
            DigestComposer.Money(arrear.ArrearsIdr, language),
            arrear.ArrearsMonths is { } months ? DigestComposer.Count(months, language) : DigestCell.Empty,
            arrear.FollowupStatus is { } step ? DigestComposer.Cell(FollowupStatus.Label(step, language)) : DigestCell.Empty,
        })],
        NoArrears);

    /// <summary>Every stuck case (the HTML shows the first <see cref="StuckCasesShown"/>).</summary>
    public DigestTable StuckTable() => new(Say("Kasus tertahan", "Stuck cases"), StuckHeading,
        [Say("Perusahaan", "Company"), "NPP", Say("Tahap tindak lanjut", "Follow-up step"), Say("Sejak", "Since"), Say("Hari", "Days"), Say("Tunggakan (Rp)", "Arrears (IDR)")],
        [.. compliance.Stuck.Select(stuck => new[]
        {
            DigestComposer.Cell(stuck.CompanyName),
            DigestComposer.Cell(stuck.Npp),
            DigestComposer.Cell(Step(stuck.FollowupStatus)),
            DigestComposer.Date(stuck.Since, language),
            DigestComposer.Count(stuck.Days, language),
            DigestComposer.Money(stuck.ArrearsIdr, language),
        })],
        NoStuckCases);

    /// <summary>The chart's figures, for the workbook (the HTML shows the chart instead).</summary>
    public DigestTable HistoryTable() => new(Say("Riwayat tunggakan", "Arrears history"), Say("Total tunggakan menurut tanggal data", "Total owed by data date"),
        [Say("Tanggal data", "Data date"), Say("Badan usaha menunggak", "Employers in arrears"), Say("Total tunggakan (Rp)", "Total owed (IDR)")],
        [.. compliance.History.Select(totals => new[]
        {
            DigestComposer.Date(totals.SnapshotDate, language),
            DigestComposer.Count(totals.EmployersInArrears, language),
            DigestComposer.Money(totals.OwedIdr, language),
        })]);

    /// <summary>Bars of the total owed at each snapshot; null with a single snapshot, where a chart would say nothing the headline does not.</summary>
    public ComplianceChartData? Chart() => compliance.History.Count < 2
        ? null
        : new ComplianceChartData(
            Say("Total tunggakan menurut tanggal data", "Total owed by data date"),
            [.. compliance.History.Select(totals => ShortDate(totals.SnapshotDate, spansYears: compliance.History[0].SnapshotDate.Year != compliance.History[^1].SnapshotDate.Year))],
            [.. compliance.History.Select(totals => totals.OwedIdr)],
            DigestComposer.ComplianceChartContentId,
            Say("grafik-tunggakan.png", "arrears-chart.png"));

    public void AppendText(StringBuilder text)
    {
        text.AppendLine(Heading.ToUpperInvariant()).AppendLine(Headline).AppendLine(WeekChangeLine);
        if (HistoryLine is { } history)
        {
            text.AppendLine(history);
        }
        text.AppendLine();
        DigestComposer.AppendTextSection(text, LargestHeading.ToUpperInvariant(), LargestLines, NoArrears);
        DigestComposer.AppendTextSection(text, StuckHeading.ToUpperInvariant(), StuckLines, NoStuckCases, MoreStuckCases);
    }

    /// <summary>The section's tables for the workbook, after the coverage ones.</summary>
    public IEnumerable<DigestTable> Tables() => [LargestTable(), StuckTable(), HistoryTable()];

    public void AppendHtml(StringBuilder html)
    {
        var largest = LargestTable();
        var stuck = StuckTable();
        html.Append("<h2 style=\"margin:20px 0 6px;font-size:16px;\">").Append(Encode(Heading)).Append("</h2>");
        html.Append("<div style=\"margin:0 0 12px;padding:12px;border-radius:8px;background:#fdf3e1;border-left:4px solid #b9770e;\">")
            .Append("<div style=\"font-size:26px;font-weight:bold;color:#7e5109;\">").Append(Encode(Money(compliance.OwedIdr))).Append("</div>")
            .Append("<div style=\"font-size:15px;\">").Append(Encode(Headline)).Append("</div>")
            .Append("<div style=\"margin-top:8px;font-size:14px;color:#33475b;\">").Append(Encode(WeekChangeLine)).Append("</div></div>");
        if (Chart() is { } chart)
        {
            html.Append("<img src=\"cid:").Append(chart.ContentId).Append("\" alt=\"").Append(Encode(Say("Grafik total tunggakan menurut tanggal data", "Chart of the total owed by data date")))
                .Append("\" width=\"568\" style=\"display:block;width:100%;max-width:568px;height:auto;margin:0 0 12px;border:0;\">");
        }
        html.Append("<h3 style=\"margin:12px 0 6px;font-size:15px;\">").Append(Encode(largest.Title)).Append("</h3>");
        DigestComposer.AppendHtmlTable(html, largest, largest.Rows.Count);
        html.Append("<h3 style=\"margin:12px 0 6px;font-size:15px;\">").Append(Encode(stuck.Title)).Append("</h3>");
        DigestComposer.AppendHtmlTable(html, stuck, StuckCasesShown);
        if (MoreStuckCases is { } more)
        {
            html.Append("<p style=\"margin:4px 0 0;font-size:13px;color:#5b6b7c;\">").Append(Encode(more)).Append("</p>");
        }
    }

    private string Step(string? code) => code is null ? Say("tanpa tahap tercatat", "no step recorded") : FollowupStatus.Label(code, language);

    private string Number(int value) => UserFormat.Number(value, language);

    private static string EmployerWord(int count) => count == 1 ? "employer" : "employers";

    private string Money(decimal amount) => UserFormat.CompactRupiah(amount, language);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly string[] IndonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>"30 Nov", or "30 Nov 2026" when the chart's dates span more than one year.</summary>
    private string ShortDate(DateOnly date, bool spansYears) =>
        $"{date.Day} {(English ? EnglishMonths : IndonesianMonths)[date.Month - 1]}{(spansYears ? " " + date.Year : "")}";
}
