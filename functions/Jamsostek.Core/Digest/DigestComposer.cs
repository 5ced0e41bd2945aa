using System.Net;
using System.Text;
using Jamsostek.Core.Exports;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Digest;

/// <summary>
/// Turns a region's figures into one recipient's digest, in the recipient's language: what a Bupati reads on a phone
/// in a minute (workers covered against the target, what changed, what lapses soon) first, then the details
/// (segments, occupations, uploads and their rejected rows, budget use). No I/O: the caller renders the chart and
/// sends the mail.
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
        var l = recipient.Language;
        var w = new Words(l);
        var region = RegionCode.Parse(figures.Region);
        var zone = RegionTimeZone.Abbreviation(region);
        var regionName = figures.RegionName ?? (l == Language.En ? $"Region {figures.Region}" : $"Wilayah {figures.Region}");
        var compliance = figures.Compliance is { } complianceFigures ? new DigestComplianceSection(complianceFigures, l) : null;
        var tables = Tables(figures, previous, w, compliance);
        var chart = new DigestChartData(
            l == Language.En ? "Workers covered and targets" : "Pekerja terlindungi dan target",
            l == Language.En ? "Covered" : "Terlindungi",
            "Target",
            [l == Language.En ? "Total" : "Jumlah", .. figures.Segments.Select(s => DigestLabels.Segment(s.Segment, l))],
            [figures.Active, .. figures.Segments.Select(s => s.Active)],
            [figures.Target, .. figures.Segments.Select(s => s.Target)]);
        var subject = l == Language.En
            ? $"Weekly coverage digest: {regionName}, {UserFormat.Date(figures.AsOf, l)}"
            : $"Ringkasan mingguan kepesertaan: {regionName}, {UserFormat.Date(figures.AsOf, l)}";
        var workbook = $"{(l == Language.En ? "coverage-digest" : "ringkasan-cakupan")}-{figures.Region}-{week}.xlsx";
        var content = new Content(recipient, figures, previous, w, regionName, zone, workbook, compliance);
        DigestTable[] workbookTables = [.. tables, .. compliance?.Tables() ?? []];
        return new DigestMessage(subject, content.Text(), content.Html(tables), workbookTables, workbook, ChartContentId,
            l == Language.En ? "coverage-chart.png" : "grafik-cakupan.png", chart)
        {
            ComplianceChart = compliance?.Chart(),
        };
    }

    /// <summary>"38 hari lagi", "besok", "hari ini" / "in 38 days", "tomorrow", "today".</summary>
    public static string DaysLeft(int days, Language l) => days switch
    {
        0 => l == Language.En ? "today" : "hari ini",
        1 => l == Language.En ? "tomorrow" : "besok",
        _ => l == Language.En ? $"in {UserFormat.Number(days, l)} days" : $"{UserFormat.Number(days, l)} hari lagi",
    };

    /// <summary>"5.600 pekerja kehilangan perlindungan pada 31 Desember 2025, 38 hari lagi".</summary>
    public static string LapseSentence(LapseFigure lapse, Language l) => l == Language.En
        ? $"{UserFormat.Number(lapse.Participants, l)} workers lose cover on {UserFormat.Date(lapse.Date, l)}, {DaysLeft(lapse.DaysLeft, l)}"
        : $"{UserFormat.Number(lapse.Participants, l)} pekerja kehilangan perlindungan pada {UserFormat.Date(lapse.Date, l)}, {DaysLeft(lapse.DaysLeft, l)}";

    /// <summary>"+35", "-12", "0" in the reader's digits.</summary>
    public static string Signed(int change, Language l) =>
        change > 0 ? "+" + UserFormat.Number(change, l) : change < 0 ? "-" + UserFormat.Number(-change, l) : "0";

    /// <summary>The summary (with the compliance figures when there are some), then one table per coverage detail of the email in its order.</summary>
    private static IReadOnlyList<DigestTable> Tables(DigestFigures f, DigestSnapshot? previous, Words w, DigestComplianceSection? compliance)
    {
        var l = w.Language;
        List<DigestCell[]> summary =
        [
            [Label(w.T("Wilayah", "Region")), Cell(f.RegionName is null ? f.Region : $"{f.RegionName} ({f.Region})")],
            [Label(w.T("Per tanggal", "As of")), Date(f.AsOf, l)],
            [Label(w.T("Pekerja terlindungi", "Workers covered")), Count(f.Active, l)],
            [Label("Target"), f.Target is { } t ? Count(t, l) : DigestCell.Empty],
            [Label(w.T("% dari target", "% of target")), Percent(f.PercentOfTarget, l)],
            [Label(w.T("Perubahan sejak ringkasan sebelumnya", "Change since the previous digest")),
                previous is null ? DigestCell.Empty : Change(f.Active - previous.Active, l)],
            [Label(w.T("Ringkasan sebelumnya per tanggal", "Previous digest as of")), previous is null ? DigestCell.Empty : Date(previous.AsOf, l)],
            [Label(w.T($"Pekerja kehilangan perlindungan dalam {f.LapsingWithinDays} hari", $"Workers losing cover within {f.LapsingWithinDays} days")),
                Count(f.Lapsing.Sum(a => a.ParticipantsAtRisk), l)],
        ];
        if (compliance is not null)
        {
            summary.AddRange(compliance.SummaryRows());
        }
        var segments = f.Segments.Select(s => new[]
        {
            Cell(DigestLabels.Segment(s.Segment, l)),
            Count(s.Active, l),
            s.Target is { } target ? Count(target, l) : DigestCell.Empty,
            Percent(s.PercentOfTarget, l),
            previous is null ? DigestCell.Empty : Change(s.Active - previous.Segments.GetValueOrDefault(s.Segment), l),
        }).ToList();
        var occupations = f.Occupations.Select(o => new[] { Cell(DigestLabels.Occupation(o.Occupation, l)), Count(o.Active, l) }).ToList();
        var lapses = f.Lapsing.SelectMany(a => a.Lapses.Select(lapse => new[]
        {
            Cell(a.AgreementNo), Date(lapse.Date, l), Count(lapse.DaysLeft, l), Count(lapse.Participants, l),
        })).ToList();
        var uploads = f.Uploads.Select(u => new[]
        {
            Cell(u.FileName),
            Date(LocalDate(u.ReceivedAt, f.Region), l),
            Cell(DigestLabels.UploadStatus(u.Status, l)),
            Count(u.RowsRead, l),
            Count(u.RowsAccepted, l),
            Count(u.RowsRejected, l),
            Cell(Reasons(u, l)),
        }).ToList();
        var budgets = f.Budgets.Select(b => new[]
        {
            Cell(b.AgreementNo),
            Money(b.Budget, l),
            b.TargetCost is { } cost ? Money(cost, l) : DigestCell.Empty,
            Percent(b.TargetCostPercent, l),
            b.EnrolledCost is { } enrolled ? Money(enrolled, l) : DigestCell.Empty,
            Percent(b.EnrolledCostPercent, l),
        }).ToList();
        var since = UserFormat.Date(LocalDate(f.UploadsSince, f.Region), l);
        var noWorkers = w.T("Belum ada peserta aktif.", "No active workers yet.");
        return
        [
            new(w.T("Ringkasan", "Summary"), w.T("Ringkasan", "Summary"), [w.T("Keterangan", "Item"), w.T("Nilai", "Value")], summary),
            new(w.T("Segmen", "Segments"), w.T("Per segmen", "By segment"),
                [w.T("Segmen", "Segment"), w.T("Terlindungi", "Covered"), "Target", w.T("% target", "% of target"), w.T("Perubahan", "Change")], segments, noWorkers),
            new(w.T("Pekerjaan", "Occupations"), w.T("Per pekerjaan", "By occupation"), [w.T("Pekerjaan", "Occupation"), w.T("Terlindungi", "Covered")], occupations, noWorkers),
            new(w.T("Segera berakhir", "Lapsing soon"), w.T($"Perlindungan berakhir dalam {f.LapsingWithinDays} hari", $"Cover ending within {f.LapsingWithinDays} days"),
                [w.T("Nomor PKS", "Agreement"), w.T("Tanggal berakhir", "Cover ends"), w.T("Sisa hari", "Days left"), w.T("Pekerja kehilangan perlindungan", "Workers losing cover")], lapses,
                NoLapse(f, w)),
            new(w.T("Unggahan", "Uploads"), w.T($"Unggahan sejak {since}", $"Uploads since {since}"),
                [w.T("Berkas", "File"), w.T("Tanggal unggah", "Uploaded"), "Status", w.T("Baris", "Rows"), w.T("Diterima", "Accepted"), w.T("Ditolak", "Rejected"), w.T("Alasan utama penolakan", "Top rejection reasons")], uploads,
                w.T("Tidak ada unggahan baru.", "No new uploads.")),
            new(w.T("Anggaran", "Budget"), w.T("Penggunaan anggaran", "Budget use"),
                [w.T("Nomor PKS", "Agreement"), w.T("Anggaran (Rp)", "Budget (IDR)"), w.T("Kebutuhan target (Rp)", "Cost of target (IDR)"), w.T("Kebutuhan target % anggaran", "Cost of target % of budget"),
                    w.T("Iuran peserta terdaftar (Rp)", "Enrolled workers' contributions (IDR)"), w.T("Iuran terdaftar % anggaran", "Enrolled % of budget")], budgets,
                w.T("Tidak ada perjanjian berlaku yang mencantumkan anggaran.", "No agreement in force gives a budget.")),
        ];
    }

    private static string NoLapse(DigestFigures f, Words w) => w.T($"Tidak ada perlindungan yang berakhir dalam {f.LapsingWithinDays} hari.",
        $"No cover ends within {f.LapsingWithinDays} days.");

    private static DateOnly LocalDate(DateTimeOffset instant, string region) =>
        DateOnly.FromDateTime(instant.ToOffset(RegionTimeZone.UtcOffset(RegionCode.Parse(region))).DateTime);

    private static string Reasons(UploadFigure upload, Language l) =>
        string.Join(", ", upload.TopErrors.Select(e => $"{DigestLabels.Reason(e.Code, l)} ({UserFormat.Number(e.Count, l)})"));

    private static DigestCell Label(string text) => new(text, text);

    internal static DigestCell Cell(string text) => new(text, text);

    internal static DigestCell Count(int value, Language l) => new(value, UserFormat.Number(value, l));

    internal static DigestCell Change(int value, Language l) => new(value, Signed(value, l));

    internal static DigestCell Date(DateOnly date, Language l) => new(date, UserFormat.Date(date, l));

    internal static DigestCell Money(decimal amount, Language l) => new(amount, UserFormat.CompactRupiah(amount, l));

    private static DigestCell Percent(decimal? percent, Language l) =>
        percent is { } p ? new(p, UserFormat.Number(p, l, 1) + "%") : DigestCell.Empty;

    private sealed class Words(Language language)
    {
        public Language Language { get; } = language;

        public string T(string indonesian, string english) => Language == Language.En ? english : indonesian;
    }

    /// <summary>A heading, a line per item ("- ...") or what stands in their place, <paramref name="after"/> when given, and a blank line.</summary>
    internal static void AppendTextSection(StringBuilder text, string heading, IEnumerable<string> lines, string none, string? after = null)
    {
        text.AppendLine(heading);
        var any = false;
        foreach (var line in lines)
        {
            text.Append("- ").AppendLine(line);
            any = true;
        }
        if (!any)
        {
            text.AppendLine(none);
        }
        if (after is not null)
        {
            text.AppendLine(after);
        }
        text.AppendLine();
    }

    /// <summary>The table's first <paramref name="maxRows"/> rows with inline styles, numbers right-aligned; its <see cref="DigestTable.WhenEmpty"/> when it has none.</summary>
    internal static void AppendHtmlTable(StringBuilder html, DigestTable table, int maxRows)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("<p style=\"margin:0;font-size:14px;color:#5b6b7c;\">").Append(WebUtility.HtmlEncode(table.WhenEmpty)).Append("</p>");
            return;
        }
        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;font-size:13px;\"><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th style=\"text-align:left;padding:4px 6px;border-bottom:2px solid #c9d2dc;\">").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in table.Rows.Take(maxRows))
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = cell.Value.Kind is TableCellKind.Integer or TableCellKind.Decimal or TableCellKind.Double;
                html.Append("<td style=\"padding:4px 6px;border-bottom:1px solid #e3e8ee;").Append(numeric ? "text-align:right;white-space:nowrap;" : "")
                    .Append("\">").Append(WebUtility.HtmlEncode(cell.Display)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    /// <summary>The sentences both bodies share, so the text and the HTML say the same.</summary>
    private sealed class Content(DigestRecipient recipient, DigestFigures f, DigestSnapshot? previous, Words w, string regionName, string zone, string workbook,
        DigestComplianceSection? compliance)
    {
        private Language L => w.Language;

        private string Greeting => w.T("Yth. ", "Dear ") + recipient.Name + (string.IsNullOrWhiteSpace(recipient.Role) ? "" : ", " + recipient.Role) + ",";

        private string Intro => w.T(
            $"Berikut ringkasan mingguan kepesertaan BPJS Ketenagakerjaan {regionName} per {UserFormat.Date(f.AsOf, L)}.",
            $"Here is the weekly BPJS Ketenagakerjaan coverage digest for {regionName} as of {UserFormat.Date(f.AsOf, L)}.");

        private string Headline => f.Target is { } target
            ? w.T($"{N(f.Active)} pekerja terlindungi hari ini, {P(f.PercentOfTarget)} dari target {N(target)}.",
                $"{N(f.Active)} workers covered today, {P(f.PercentOfTarget)} of the target of {N(target)}.")
            : w.T($"{N(f.Active)} pekerja terlindungi hari ini.", $"{N(f.Active)} workers covered today.");

        private string ChangeLine
        {
            get
            {
                if (previous is null)
                {
                    return w.T("Ini ringkasan pertama untuk Anda; perubahan mingguan tampil mulai ringkasan berikutnya.",
                        "This is your first digest; weekly changes show from the next one.");
                }
                var change = f.Active - previous.Active;
                var since = UserFormat.Date(previous.AsOf, L);
                return change switch
                {
                    > 0 => w.T($"Bertambah {N(change)} pekerja sejak ringkasan {since} ({N(previous.Active)}).",
                        $"Up {N(change)} workers since the digest of {since} ({N(previous.Active)})."),
                    < 0 => w.T($"Berkurang {N(-change)} pekerja sejak ringkasan {since} ({N(previous.Active)}).",
                        $"Down {N(-change)} workers since the digest of {since} ({N(previous.Active)})."),
                    _ => w.T($"Tidak berubah sejak ringkasan {since}.", $"No change since the digest of {since}."),
                };
            }
        }

        private IEnumerable<string> LapseLines => f.Lapsing.SelectMany(a => a.Lapses.Select(lapse => $"{LapseSentence(lapse, L)} ({a.AgreementNo})."));

        private string NoLapse => DigestComposer.NoLapse(f, w);

        private IEnumerable<string> SegmentLines => f.Segments.Select(s =>
        {
            var text = $"{DigestLabels.Segment(s.Segment, L)}: {N(s.Active)}";
            if (s.Target is { } target)
            {
                text += w.T($" dari target {N(target)} ({P(s.PercentOfTarget)})", $" of {N(target)} ({P(s.PercentOfTarget)})");
            }
            if (previous is not null)
            {
                text += $", {Signed(s.Active - previous.Segments.GetValueOrDefault(s.Segment), L)}";
            }
            return text;
        });

        private IEnumerable<string> OccupationLines
        {
            get
            {
                foreach (var o in f.Occupations.Take(OccupationsShown))
                {
                    yield return $"{DigestLabels.Occupation(o.Occupation, L)}: {N(o.Active)}";
                }
                var rest = f.Occupations.Skip(OccupationsShown).ToList();
                if (rest.Count > 0)
                {
                    yield return w.T($"{rest.Count} pekerjaan lain: {N(rest.Sum(o => o.Active))}", $"{rest.Count} other occupations: {N(rest.Sum(o => o.Active))}");
                }
            }
        }

        private string UploadsHeading => w.T($"Unggahan sejak {UserFormat.Date(LocalDate(f.UploadsSince, f.Region), L)}",
            $"Uploads since {UserFormat.Date(LocalDate(f.UploadsSince, f.Region), L)}");

        private IEnumerable<string> UploadLines => f.Uploads.Select(u =>
        {
            var text = w.T(
                $"{u.FileName}: {DigestLabels.UploadStatus(u.Status, L)}; {N(u.RowsRead)} baris, {N(u.RowsAccepted)} diterima, {N(u.RowsRejected)} ditolak",
                $"{u.FileName}: {DigestLabels.UploadStatus(u.Status, L)}; {N(u.RowsRead)} rows, {N(u.RowsAccepted)} accepted, {N(u.RowsRejected)} rejected");
            var reasons = Reasons(u, L);
            return reasons.Length == 0 ? text + "." : text + w.T($". Alasan utama: {reasons}.", $". Top reasons: {reasons}.");
        });

        private string NoUploads => w.T("Tidak ada unggahan baru.", "No new uploads.");

        private IEnumerable<string> BudgetLines => f.Budgets.Select(b =>
        {
            var text = w.T($"{b.AgreementNo}: anggaran {M(b.Budget)}", $"{b.AgreementNo}: budget {M(b.Budget)}");
            if (b.EnrolledCost is { } enrolled)
            {
                text += w.T($"; iuran peserta terdaftar {M(enrolled)} ({P(b.EnrolledCostPercent)} anggaran)",
                    $"; enrolled workers' contributions {M(enrolled)} ({P(b.EnrolledCostPercent)} of the budget)");
            }
            if (b.TargetCost is { } cost)
            {
                text += w.T($"; kebutuhan untuk target {M(cost)} ({P(b.TargetCostPercent)})", $"; cost of the target {M(cost)} ({P(b.TargetCostPercent)})");
                if (cost > b.Budget)
                {
                    text += w.T($", kurang {M(cost - b.Budget)}", $", short by {M(cost - b.Budget)}");
                }
            }
            return text + ".";
        });

        private string Attachment => w.T($"Tabel lengkap ada di lampiran {workbook}.", $"The full tables are in the attachment {workbook}.");

        private string Footer => w.T(
            $"Angka dihitung dari data yang diunggah kantor daerah. Ringkasan ini dikirim otomatis setiap Senin pukul 07.00 {zone}; untuk mengubah penerima, hubungi operator.",
            $"Figures are counted from the data the regional offices uploaded. This digest is sent automatically every Monday at 07:00 {zone}; to change recipients, contact the operator.");

        public string Text()
        {
            var text = new StringBuilder();
            text.AppendLine(Greeting).AppendLine().AppendLine(Intro).AppendLine();
            text.AppendLine(Headline).AppendLine(ChangeLine).AppendLine();
            AppendTextSection(text, w.T($"SEGERA BERAKHIR (DALAM {f.LapsingWithinDays} HARI)", $"LAPSING SOON (WITHIN {f.LapsingWithinDays} DAYS)"), LapseLines, NoLapse);
            AppendTextSection(text, w.T("PER SEGMEN", "BY SEGMENT"), SegmentLines, w.T("Belum ada peserta aktif.", "No active workers yet."));
            AppendTextSection(text, w.T("PER PEKERJAAN", "BY OCCUPATION"), OccupationLines, w.T("Belum ada peserta aktif.", "No active workers yet."));
            AppendTextSection(text, UploadsHeading.ToUpperInvariant(), UploadLines, NoUploads);
            if (f.Budgets.Count > 0)
            {
                AppendTextSection(text, w.T("ANGGARAN", "BUDGET"), BudgetLines, "");
            }
            compliance?.AppendText(text);
            text.AppendLine(Attachment).AppendLine().AppendLine(Footer);
            return text.ToString();
        }

        public string Html(IReadOnlyList<DigestTable> tables)
        {
            const string Font = "font-family:Arial,Helvetica,sans-serif;";
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"").Append(L == Language.En ? "en" : "id").Append("\"><head><meta charset=\"utf-8\">")
                .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(E(regionName)).Append("</title></head>")
                .Append("<body style=\"margin:0;padding:0;background:#f2f4f7;").Append(Font).Append("color:#1d2733;\">")
                .Append("<div style=\"max-width:600px;margin:0 auto;padding:16px;background:#ffffff;\">");
            html.Append("<p style=\"margin:0 0 4px;font-size:13px;color:#5b6b7c;\">").Append(E(w.T("Ringkasan mingguan kepesertaan", "Weekly coverage digest")))
                .Append(" &middot; ").Append(E(UserFormat.Date(f.AsOf, L))).Append("</p>");
            html.Append("<h1 style=\"margin:0 0 12px;font-size:20px;line-height:1.3;\">").Append(E(regionName)).Append("</h1>");
            html.Append("<p style=\"margin:0 0 12px;font-size:15px;\">").Append(E(Greeting)).Append("<br>").Append(E(Intro)).Append("</p>");

            // The headline: the figure that matters, large, with a bar for the share of the target.
            html.Append("<div style=\"margin:0 0 16px;padding:12px;border-radius:8px;background:#e8f3ec;\">")
                .Append("<div style=\"font-size:32px;font-weight:bold;color:#0b6b3a;\">").Append(E(N(f.Active))).Append("</div>")
                .Append("<div style=\"font-size:15px;\">").Append(E(Headline)).Append("</div>");
            if (f.PercentOfTarget is { } percent)
            {
                var width = (int)Math.Clamp(Math.Round(percent), 0, 100);
                html.Append("<div style=\"margin-top:8px;height:10px;border-radius:5px;background:#c9d7ce;\"><div style=\"height:10px;border-radius:5px;background:#0b6b3a;width:")
                    .Append(width).Append("%;\"></div></div>");
            }
            html.Append("<div style=\"margin-top:8px;font-size:14px;color:#33475b;\">").Append(E(ChangeLine)).Append("</div></div>");

            // What needs action first: cover about to lapse.
            if (f.Lapsing.Count > 0)
            {
                html.Append("<div style=\"margin:0 0 16px;padding:12px;border-radius:8px;background:#fdecea;border-left:4px solid #c0392b;\">")
                    .Append("<div style=\"font-weight:bold;font-size:15px;color:#8e1f14;margin-bottom:4px;\">")
                    .Append(E(w.T($"Segera berakhir (dalam {f.LapsingWithinDays} hari)", $"Lapsing soon (within {f.LapsingWithinDays} days)"))).Append("</div>");
                foreach (var line in LapseLines)
                {
                    html.Append("<div style=\"font-size:15px;margin:4px 0;\">").Append(E(line)).Append("</div>");
                }
                html.Append("</div>");
            }
            else
            {
                html.Append("<p style=\"margin:0 0 16px;font-size:14px;color:#33475b;\">").Append(E(NoLapse)).Append("</p>");
            }

            html.Append("<img src=\"cid:").Append(ChartContentId).Append("\" alt=\"").Append(E(w.T("Grafik pekerja terlindungi dan target", "Chart of workers covered and targets")))
                .Append("\" width=\"568\" style=\"display:block;width:100%;max-width:568px;height:auto;margin:0 0 16px;border:0;\">");

            foreach (var table in tables.Skip(1))
            {
                html.Append("<h2 style=\"margin:16px 0 6px;font-size:16px;\">").Append(E(table.Title)).Append("</h2>");
                AppendHtmlTable(html, table, table.Rows.Count);
            }

            // Employer compliance, for a region with snapshots: its tables follow the coverage ones.
            compliance?.AppendHtml(html);

            html.Append("<p style=\"margin:16px 0 4px;font-size:13px;color:#33475b;\">").Append(E(Attachment)).Append("</p>")
                .Append("<p style=\"margin:0;font-size:12px;color:#5b6b7c;\">").Append(E(Footer)).Append("</p>")
                .Append("</div></body></html>");
            return html.ToString();
        }

        private string N(int value) => UserFormat.Number(value, L);

        private string P(decimal? percent) => percent is { } p ? UserFormat.Number(p, L, 1) + "%" : "-";

        private string M(decimal amount) => UserFormat.CompactRupiah(amount, L);

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
