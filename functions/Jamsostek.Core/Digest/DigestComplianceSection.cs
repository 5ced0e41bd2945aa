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
internal sealed class DigestComplianceSection(ComplianceFigures compliance, DigestWords words)
{
    /// <summary>Stuck cases listed in the bodies, longest first; the workbook has them all.</summary>
    public const int StuckCasesShown = 10;

    private Language Language => words.Language;

    public string Heading => words.InReaderLanguage("Kepatuhan badan usaha", "Employer compliance");

    public string Headline
    {
        get
        {
            var date = words.Date(compliance.SnapshotDate);
            var count = compliance.EmployersInArrears;
            if (count == 0)
            {
                return words.InReaderLanguage($"Tidak ada badan usaha yang menunggak iuran menurut data {date}.", $"No employer is in arrears according to the data of {date}.");
            }
            return words.InReaderLanguage($"{words.Number(count)} badan usaha menunggak iuran dengan total tunggakan {words.Money(compliance.OwedIdr)} menurut data {date}.",
                $"{words.Number(count)} {(count == 1 ? "employer is" : "employers are")} in arrears, owing {words.Money(compliance.OwedIdr)} in total, according to the data of {date}.");
        }
    }

    /// <summary>Against the snapshot of a week earlier; or that there is no newer data, or nothing that old to compare with.</summary>
    public string WeekChangeLine
    {
        get
        {
            if (compliance.WeekEarlier is not { } earlier)
            {
                return words.InReaderLanguage("Belum ada data kepatuhan sepekan sebelumnya untuk dibandingkan.", "No compliance data from a week earlier to compare with.");
            }
            if (!compliance.HasNewerData)
            {
                return words.InReaderLanguage($"Belum ada data kepatuhan baru sejak pekan lalu; angka ini dari data {words.Date(compliance.SnapshotDate)}.",
                    $"No newer compliance data since last week; these figures are from the data of {words.Date(compliance.SnapshotDate)}.");
            }
            var employers = compliance.InArrearsChange!.Value switch
            {
                > 0 and var up => words.InReaderLanguage($"bertambah {words.Number(up)} badan usaha menunggak (sebelumnya {words.Number(earlier.EmployersInArrears)})",
                    $"{words.Number(up)} more {EmployerWord(up)} in arrears ({words.Number(earlier.EmployersInArrears)} then)"),
                < 0 and var down => words.InReaderLanguage($"berkurang {words.Number(-down)} badan usaha menunggak (sebelumnya {words.Number(earlier.EmployersInArrears)})",
                    $"{words.Number(-down)} fewer {EmployerWord(-down)} in arrears ({words.Number(earlier.EmployersInArrears)} then)"),
                _ => words.InReaderLanguage($"jumlah badan usaha menunggak tetap ({words.Number(earlier.EmployersInArrears)})",
                    $"the same number of employers in arrears ({words.Number(earlier.EmployersInArrears)})"),
            };
            var owed = compliance.OwedChange!.Value switch
            {
                > 0 and var up => words.InReaderLanguage($"total tunggakan naik {words.Money(up)} (sebelumnya {words.Money(earlier.OwedIdr)})",
                    $"total owed up {words.Money(up)} ({words.Money(earlier.OwedIdr)} then)"),
                < 0 and var down => words.InReaderLanguage($"total tunggakan turun {words.Money(-down)} (sebelumnya {words.Money(earlier.OwedIdr)})",
                    $"total owed down {words.Money(-down)} ({words.Money(earlier.OwedIdr)} then)"),
                _ => words.InReaderLanguage("total tunggakan tetap", "total owed unchanged"),
            };
            var date = words.Date(earlier.SnapshotDate);
            return words.InReaderLanguage($"Dibanding data {date}: {employers}, {owed}.", $"Against the data of {date}: {employers}, {owed}.");
        }
    }

    /// <summary>The chart's figures as a line, for readers of the plain text; null with a single snapshot (no chart then either).</summary>
    public string? HistoryLine => compliance.History.Count < 2
        ? null
        : words.InReaderLanguage("Total tunggakan menurut tanggal data: ", "Total owed by data date: ")
            + string.Join("; ", compliance.History.Select(totals => $"{words.Date(totals.SnapshotDate)} {words.Money(totals.OwedIdr)}")) + ".";

    public string LargestHeading => words.InReaderLanguage("Tunggakan terbesar", "Largest arrears");

    public string NoArrears => words.InReaderLanguage("Tidak ada badan usaha yang menunggak.", "No employer is in arrears.");

    public IEnumerable<string> LargestLines => compliance.Largest.Select(arrear =>
    {
        var text = $"{arrear.CompanyName} (NPP {arrear.Npp}): {words.Money(arrear.ArrearsIdr)}";
        if (arrear.ArrearsMonths is { } months)
        {
            text += words.InReaderLanguage($", {words.Number(months)} bulan", $", {words.Number(months)} {(months == 1 ? "month" : "months")}");
        }
        if (arrear.FollowupStatus is { } step)
        {
            text += ", " + FollowupStatus.Label(step, Language);
        }
        return text + ".";
    });

    public string StuckHeading => words.InReaderLanguage($"Tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari di satu tahap tindak lanjut",
        $"Stuck in one follow-up step for over {ComplianceComparison.StuckAfterDays} days");

    public string NoStuckCases => words.InReaderLanguage($"Tidak ada kasus yang tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari.",
        $"No case has stayed in one step for over {ComplianceComparison.StuckAfterDays} days.");

    public IEnumerable<string> StuckLines => compliance.Stuck.Take(StuckCasesShown).Select(stuck => words.InReaderLanguage(
        $"{stuck.CompanyName} (NPP {stuck.Npp}): {Step(stuck.FollowupStatus)} sejak {words.Date(stuck.Since)}, {words.Number(stuck.Days)} hari.",
        $"{stuck.CompanyName} (NPP {stuck.Npp}): {Step(stuck.FollowupStatus)} since {words.Date(stuck.Since)}, {words.Number(stuck.Days)} days."));

    /// <summary>"... and 5 more cases in the attachment" when the bodies do not list them all; null otherwise.</summary>
    public string? MoreStuckCases => compliance.Stuck.Count > StuckCasesShown
        ? words.InReaderLanguage($"... dan {words.Number(compliance.Stuck.Count - StuckCasesShown)} kasus lain di lampiran.",
            $"... and {words.Number(compliance.Stuck.Count - StuckCasesShown)} more cases in the attachment.")
        : null;

    /// <summary>Rows for the workbook's summary sheet.</summary>
    public IEnumerable<DigestCell[]> SummaryRows()
    {
        var hasNewer = compliance.HasNewerData;
        yield return [DigestCells.Text(words.InReaderLanguage("Data kepatuhan per tanggal", "Compliance data as of")), DigestCells.Date(compliance.SnapshotDate, Language)];
        yield return [DigestCells.Text(words.InReaderLanguage("Badan usaha menunggak", "Employers in arrears")), DigestCells.Count(compliance.EmployersInArrears, Language)];
        yield return [DigestCells.Text(words.InReaderLanguage("Total tunggakan (Rp)", "Total owed (IDR)")), DigestCells.Money(compliance.OwedIdr, Language)];
        yield return [DigestCells.Text(words.InReaderLanguage("Dibanding data tanggal", "Compared with the data of")),
            hasNewer ? DigestCells.Date(compliance.WeekEarlier!.SnapshotDate, Language) : DigestCells.Text(WeekChangeLine)];
        yield return [DigestCells.Text(words.InReaderLanguage("Perubahan badan usaha menunggak", "Change in employers in arrears")),
            hasNewer ? DigestCells.Change(compliance.InArrearsChange!.Value, Language) : DigestCell.Empty];
        yield return [DigestCells.Text(words.InReaderLanguage("Perubahan total tunggakan (Rp)", "Change in total owed (IDR)")),
            hasNewer ? DigestCells.Money(compliance.OwedChange!.Value, Language) : DigestCell.Empty];
        yield return [DigestCells.Text(words.InReaderLanguage($"Kasus tertahan lebih dari {ComplianceComparison.StuckAfterDays} hari", $"Cases stuck over {ComplianceComparison.StuckAfterDays} days")),
            DigestCells.Count(compliance.Stuck.Count, Language)];
    }

    public DigestTable LargestTable() => new(LargestHeading, LargestHeading,
        [words.InReaderLanguage("Perusahaan", "Company"), "NPP", words.InReaderLanguage("Tunggakan (Rp)", "Arrears (IDR)"), words.InReaderLanguage("Bulan menunggak", "Months in arrears"), words.InReaderLanguage("Tahap tindak lanjut", "Follow-up step")],
        [.. compliance.Largest.Select(arrear => new[]
        {
            DigestCells.Text(arrear.CompanyName),
            DigestCells.Text(arrear.Npp),
            DigestCells.Money(arrear.ArrearsIdr, Language),
            arrear.ArrearsMonths is { } months ? DigestCells.Count(months, Language) : DigestCell.Empty,
            arrear.FollowupStatus is { } step ? DigestCells.Text(FollowupStatus.Label(step, Language)) : DigestCell.Empty,
        })],
        NoArrears);

    /// <summary>Every stuck case (the HTML shows the first <see cref="StuckCasesShown"/>).</summary>
    public DigestTable StuckTable() => new(words.InReaderLanguage("Kasus tertahan", "Stuck cases"), StuckHeading,
        [words.InReaderLanguage("Perusahaan", "Company"), "NPP", words.InReaderLanguage("Tahap tindak lanjut", "Follow-up step"), words.InReaderLanguage("Sejak", "Since"), words.InReaderLanguage("Hari", "Days"), words.InReaderLanguage("Tunggakan (Rp)", "Arrears (IDR)")],
        [.. compliance.Stuck.Select(stuck => new[]
        {
            DigestCells.Text(stuck.CompanyName),
            DigestCells.Text(stuck.Npp),
            DigestCells.Text(Step(stuck.FollowupStatus)),
            DigestCells.Date(stuck.Since, Language),
            DigestCells.Count(stuck.Days, Language),
            DigestCells.Money(stuck.ArrearsIdr, Language),
        })],
        NoStuckCases);

    /// <summary>The chart's figures, for the workbook (the HTML shows the chart instead).</summary>
    public DigestTable HistoryTable() => new(words.InReaderLanguage("Riwayat tunggakan", "Arrears history"), words.InReaderLanguage("Total tunggakan menurut tanggal data", "Total owed by data date"),
        [words.InReaderLanguage("Tanggal data", "Data date"), words.InReaderLanguage("Badan usaha menunggak", "Employers in arrears"), words.InReaderLanguage("Total tunggakan (Rp)", "Total owed (IDR)")],
        [.. compliance.History.Select(totals => new[]
        {
            DigestCells.Date(totals.SnapshotDate, Language),
            DigestCells.Count(totals.EmployersInArrears, Language),
            DigestCells.Money(totals.OwedIdr, Language),
        })]);

    /// <summary>Bars of the total owed at each snapshot; null with a single snapshot, where a chart would say nothing the headline does not.</summary>
    public ComplianceChartData? Chart() => compliance.History.Count < 2
        ? null
        : new ComplianceChartData(
            words.InReaderLanguage("Total tunggakan menurut tanggal data", "Total owed by data date"),
            [.. compliance.History.Select(totals => ShortDate(totals.SnapshotDate, spansYears: compliance.History[0].SnapshotDate.Year != compliance.History[^1].SnapshotDate.Year))],
            [.. compliance.History.Select(totals => totals.OwedIdr)],
            DigestComposer.ComplianceChartContentId,
            words.InReaderLanguage("grafik-tunggakan.png", "arrears-chart.png"));

    public void AppendText(StringBuilder text)
    {
        text.AppendLine(Heading.ToUpperInvariant()).AppendLine(Headline).AppendLine(WeekChangeLine);
        if (HistoryLine is { } history)
        {
            text.AppendLine(history);
        }
        text.AppendLine();
        DigestLayout.AppendTextSection(text, LargestHeading.ToUpperInvariant(), LargestLines, NoArrears);
        DigestLayout.AppendTextSection(text, StuckHeading.ToUpperInvariant(), StuckLines, NoStuckCases, MoreStuckCases);
    }

    /// <summary>The section's tables for the workbook, after the coverage ones.</summary>
    public IEnumerable<DigestTable> Tables() => [LargestTable(), StuckTable(), HistoryTable()];

    public void AppendHtml(StringBuilder html)
    {
        var largest = LargestTable();
        var stuck = StuckTable();
        html.Append("<h2 style=\"margin:20px 0 6px;font-size:16px;\">").Append(Encode(Heading)).Append("</h2>");
        html.Append("<div style=\"margin:0 0 12px;padding:12px;border-radius:8px;background:#fdf3e1;border-left:4px solid #b9770e;\">")
            .Append("<div style=\"font-size:26px;font-weight:bold;color:#7e5109;\">").Append(Encode(words.Money(compliance.OwedIdr))).Append("</div>")
            .Append("<div style=\"font-size:15px;\">").Append(Encode(Headline)).Append("</div>")
            .Append("<div style=\"margin-top:8px;font-size:14px;color:#33475b;\">").Append(Encode(WeekChangeLine)).Append("</div></div>");
        if (Chart() is { } chart)
        {
            html.Append("<img src=\"cid:").Append(chart.ContentId).Append("\" alt=\"").Append(Encode(words.InReaderLanguage("Grafik total tunggakan menurut tanggal data", "Chart of the total owed by data date")))
                .Append("\" width=\"568\" style=\"display:block;width:100%;max-width:568px;height:auto;margin:0 0 12px;border:0;\">");
        }
        html.Append("<h3 style=\"margin:12px 0 6px;font-size:15px;\">").Append(Encode(largest.Title)).Append("</h3>");
        DigestLayout.AppendHtmlTable(html, largest, largest.Rows.Count);
        html.Append("<h3 style=\"margin:12px 0 6px;font-size:15px;\">").Append(Encode(stuck.Title)).Append("</h3>");
        DigestLayout.AppendHtmlTable(html, stuck, StuckCasesShown);
        if (MoreStuckCases is { } more)
        {
            html.Append("<p style=\"margin:4px 0 0;font-size:13px;color:#5b6b7c;\">").Append(Encode(more)).Append("</p>");
        }
    }

    private string Step(string? code) => code is null ? words.InReaderLanguage("tanpa tahap tercatat", "no step recorded") : FollowupStatus.Label(code, Language);

    private static string EmployerWord(int count) => count == 1 ? "employer" : "employers";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly string[] IndonesianMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>"30 Nov", or "30 Nov 2026" when the chart's dates span more than one year.</summary>
    private string ShortDate(DateOnly date, bool spansYears) =>
        $"{date.Day} {(words.IsEnglish ? EnglishMonths : IndonesianMonths)[date.Month - 1]}{(spansYears ? " " + date.Year : "")}";
}
