using System.Net;
using System.Text;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Digest;

/// <summary>
/// The digest's two bodies, plain text and HTML, built from the same sentences so they say the same: greeting and
/// headline first, then what lapses soon, then the details and the compliance section.
/// </summary>
internal sealed class DigestBodies(DigestRecipient recipient, DigestFigures figures, DigestSnapshot? previous, DigestWords words, string regionName,
    string timeZone, string workbook, DigestComplianceSection? compliance)
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";

    private Language Language => words.Language;

    private string Greeting => words.InReaderLanguage("Yth. ", "Dear ") + recipient.Name + (string.IsNullOrWhiteSpace(recipient.Role) ? "" : ", " + recipient.Role) + ",";

    private string Intro => words.InReaderLanguage(
        $"Berikut ringkasan mingguan kepesertaan BPJS Ketenagakerjaan {regionName} per {words.Date(figures.AsOf)}.",
        $"Here is the weekly BPJS Ketenagakerjaan coverage digest for {regionName} as of {words.Date(figures.AsOf)}.");

    private string Headline => figures.Target is { } target
        ? words.InReaderLanguage(
            $"{words.Number(figures.Active)} pekerja terlindungi hari ini, {words.Percent(figures.PercentOfTarget)} dari target {words.Number(target)}.",
            $"{words.Number(figures.Active)} workers covered today, {words.Percent(figures.PercentOfTarget)} of the target of {words.Number(target)}.")
        : words.InReaderLanguage($"{words.Number(figures.Active)} pekerja terlindungi hari ini.", $"{words.Number(figures.Active)} workers covered today.");

    private string ChangeLine
    {
        get
        {
            if (previous is null)
            {
                return words.InReaderLanguage("Ini ringkasan pertama untuk Anda; perubahan mingguan tampil mulai ringkasan berikutnya.",
                    "This is your first digest; weekly changes show from the next one.");
            }
            var change = figures.Active - previous.Active;
            var since = words.Date(previous.AsOf);
            var before = words.Number(previous.Active);
            return change switch
            {
                > 0 => words.InReaderLanguage($"Bertambah {words.Number(change)} pekerja sejak ringkasan {since} ({before}).",
                    $"Up {words.Number(change)} workers since the digest of {since} ({before})."),
                < 0 => words.InReaderLanguage($"Berkurang {words.Number(-change)} pekerja sejak ringkasan {since} ({before}).",
                    $"Down {words.Number(-change)} workers since the digest of {since} ({before})."),
                _ => words.InReaderLanguage($"Tidak berubah sejak ringkasan {since}.", $"No change since the digest of {since}."),
            };
        }
    }

    private string LapsingHeading => words.InReaderLanguage($"Segera berakhir (dalam {figures.LapsingWithinDays} hari)",
        $"Lapsing soon (within {figures.LapsingWithinDays} days)");

    private IEnumerable<string> LapseLines => figures.Lapsing.SelectMany(agreement =>
        agreement.Lapses.Select(lapse => $"{DigestComposer.LapseSentence(lapse, Language)} ({agreement.AgreementNo})."));

    private string NoLapse => DigestCoverageTables.NoLapse(figures, words);

    private string NoWorkers => words.InReaderLanguage("Belum ada peserta aktif.", "No active workers yet.");

    private IEnumerable<string> SegmentLines => figures.Segments.Select(segment =>
    {
        var text = $"{DigestLabels.Segment(segment.Segment, Language)}: {words.Number(segment.Active)}";
        if (segment.Target is { } target)
        {
            text += words.InReaderLanguage($" dari target {words.Number(target)} ({words.Percent(segment.PercentOfTarget)})",
                $" of {words.Number(target)} ({words.Percent(segment.PercentOfTarget)})");
        }
        if (previous is not null)
        {
            text += $", {DigestComposer.Signed(segment.Active - previous.Segments.GetValueOrDefault(segment.Segment), Language)}";
        }
        return text;
    });

    private IEnumerable<string> OccupationLines
    {
        get
        {
            foreach (var occupation in figures.Occupations.Take(DigestComposer.OccupationsShown))
            {
                yield return $"{DigestLabels.Occupation(occupation.Occupation, Language)}: {words.Number(occupation.Active)}";
            }
            var rest = figures.Occupations.Skip(DigestComposer.OccupationsShown).ToList();
            if (rest.Count > 0)
            {
                var active = words.Number(rest.Sum(occupation => occupation.Active));
                yield return words.InReaderLanguage($"{rest.Count} pekerjaan lain: {active}", $"{rest.Count} other occupations: {active}");
            }
        }
    }

    private string UploadsHeading
    {
        get
        {
            var since = words.Date(DigestCoverageTables.LocalDate(figures.UploadsSince, figures.Region));
            return words.InReaderLanguage($"Unggahan sejak {since}", $"Uploads since {since}");
        }
    }

    private IEnumerable<string> UploadLines => figures.Uploads.Select(upload =>
    {
        var status = DigestLabels.UploadStatus(upload.Status, Language);
        var text = words.InReaderLanguage(
            $"{upload.FileName}: {status}; {words.Number(upload.RowsRead)} baris, {words.Number(upload.RowsAccepted)} diterima, {words.Number(upload.RowsRejected)} ditolak",
            $"{upload.FileName}: {status}; {words.Number(upload.RowsRead)} rows, {words.Number(upload.RowsAccepted)} accepted, {words.Number(upload.RowsRejected)} rejected");
        var reasons = DigestCoverageTables.Reasons(upload, Language);
        return reasons.Length == 0 ? text + "." : text + words.InReaderLanguage($". Alasan utama: {reasons}.", $". Top reasons: {reasons}.");
    });

    private string NoUploads => words.InReaderLanguage("Tidak ada unggahan baru.", "No new uploads.");

    private IEnumerable<string> BudgetLines => figures.Budgets.Select(budget =>
    {
        var text = words.InReaderLanguage($"{budget.AgreementNo}: anggaran {words.Money(budget.Budget)}", $"{budget.AgreementNo}: budget {words.Money(budget.Budget)}");
        if (budget.EnrolledCost is { } enrolled)
        {
            text += words.InReaderLanguage($"; iuran peserta terdaftar {words.Money(enrolled)} ({words.Percent(budget.EnrolledCostPercent)} anggaran)",
                $"; enrolled workers' contributions {words.Money(enrolled)} ({words.Percent(budget.EnrolledCostPercent)} of the budget)");
        }
        if (budget.TargetCost is { } cost)
        {
            text += words.InReaderLanguage($"; kebutuhan untuk target {words.Money(cost)} ({words.Percent(budget.TargetCostPercent)})",
                $"; cost of the target {words.Money(cost)} ({words.Percent(budget.TargetCostPercent)})");
            if (cost > budget.Budget)
            {
                text += words.InReaderLanguage($", kurang {words.Money(cost - budget.Budget)}", $", short by {words.Money(cost - budget.Budget)}");
            }
        }
        return text + ".";
    });

    private string Attachment => words.InReaderLanguage($"Tabel lengkap ada di lampiran {workbook}.", $"The full tables are in the attachment {workbook}.");

    private string Footer => words.InReaderLanguage(
        $"Angka dihitung dari data yang diunggah kantor daerah. Ringkasan ini dikirim otomatis setiap Senin pukul 07.00 {timeZone}; untuk mengubah penerima, hubungi operator.",
        $"Figures are counted from the data the regional offices uploaded. This digest is sent automatically every Monday at 07:00 {timeZone}; to change recipients, contact the operator.");

    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine(Greeting).AppendLine().AppendLine(Intro).AppendLine();
        text.AppendLine(Headline).AppendLine(ChangeLine).AppendLine();
        DigestLayout.AppendTextSection(text, LapsingHeading.ToUpperInvariant(), LapseLines, NoLapse);
        DigestLayout.AppendTextSection(text, words.InReaderLanguage("PER SEGMEN", "BY SEGMENT"), SegmentLines, NoWorkers);
        DigestLayout.AppendTextSection(text, words.InReaderLanguage("PER PEKERJAAN", "BY OCCUPATION"), OccupationLines, NoWorkers);
        DigestLayout.AppendTextSection(text, UploadsHeading.ToUpperInvariant(), UploadLines, NoUploads);
        if (figures.Budgets.Count > 0)
        {
            DigestLayout.AppendTextSection(text, words.InReaderLanguage("ANGGARAN", "BUDGET"), BudgetLines, "");
        }
        compliance?.AppendText(text);
        text.AppendLine(Attachment).AppendLine().AppendLine(Footer);
        return text.ToString();
    }

    /// <param name="tables">The coverage tables; all but the first (the summary, which the headline says) are shown.</param>
    public string Html(IReadOnlyList<DigestTable> tables)
    {
        var html = new StringBuilder();
        AppendHtmlStart(html);
        AppendHtmlHeadline(html);
        AppendHtmlLapsing(html);
        html.Append("<img src=\"cid:").Append(DigestComposer.ChartContentId).Append("\" alt=\"")
            .Append(Encode(words.InReaderLanguage("Grafik pekerja terlindungi dan target", "Chart of workers covered and targets")))
            .Append("\" width=\"568\" style=\"display:block;width:100%;max-width:568px;height:auto;margin:0 0 16px;border:0;\">");
        foreach (var table in tables.Skip(1))
        {
            html.Append("<h2 style=\"margin:16px 0 6px;font-size:16px;\">").Append(Encode(table.Title)).Append("</h2>");
            DigestLayout.AppendHtmlTable(html, table, table.Rows.Count);
        }
        // Employer compliance, for a region with snapshots: its tables follow the coverage ones.
        compliance?.AppendHtml(html);
        html.Append("<p style=\"margin:16px 0 4px;font-size:13px;color:#33475b;\">").Append(Encode(Attachment)).Append("</p>")
            .Append("<p style=\"margin:0;font-size:12px;color:#5b6b7c;\">").Append(Encode(Footer)).Append("</p>")
            .Append("</div></body></html>");
        return html.ToString();
    }

    /// <summary>The document, the page a phone shows 600 pixels wide, the digest's date, the region and the greeting.</summary>
    private void AppendHtmlStart(StringBuilder html)
    {
        html.Append("<!DOCTYPE html><html lang=\"").Append(words.IsEnglish ? "en" : "id").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(Encode(regionName)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f2f4f7;").Append(Font).Append("color:#1d2733;\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:16px;background:#ffffff;\">");
        html.Append("<p style=\"margin:0 0 4px;font-size:13px;color:#5b6b7c;\">").Append(Encode(words.InReaderLanguage("Ringkasan mingguan kepesertaan", "Weekly coverage digest")))
            .Append(" &middot; ").Append(Encode(words.Date(figures.AsOf))).Append("</p>");
        html.Append("<h1 style=\"margin:0 0 12px;font-size:20px;line-height:1.3;\">").Append(Encode(regionName)).Append("</h1>");
        html.Append("<p style=\"margin:0 0 12px;font-size:15px;\">").Append(Encode(Greeting)).Append("<br>").Append(Encode(Intro)).Append("</p>");
    }

    /// <summary>The figure that matters, large, with a bar for the share of the target and the change since the last digest.</summary>
    private void AppendHtmlHeadline(StringBuilder html)
    {
        html.Append("<div style=\"margin:0 0 16px;padding:12px;border-radius:8px;background:#e8f3ec;\">")
            .Append("<div style=\"font-size:32px;font-weight:bold;color:#0b6b3a;\">").Append(Encode(words.Number(figures.Active))).Append("</div>")
            .Append("<div style=\"font-size:15px;\">").Append(Encode(Headline)).Append("</div>");
        if (figures.PercentOfTarget is { } percent)
        {
            var width = (int)Math.Clamp(Math.Round(percent), 0, 100);
            html.Append("<div style=\"margin-top:8px;height:10px;border-radius:5px;background:#c9d7ce;\"><div style=\"height:10px;border-radius:5px;background:#0b6b3a;width:")
                .Append(width).Append("%;\"></div></div>");
        }
        html.Append("<div style=\"margin-top:8px;font-size:14px;color:#33475b;\">").Append(Encode(ChangeLine)).Append("</div></div>");
    }

    /// <summary>What needs action first: cover about to lapse, in a red box; a line saying none does otherwise.</summary>
    private void AppendHtmlLapsing(StringBuilder html)
    {
        if (figures.Lapsing.Count == 0)
        {
            html.Append("<p style=\"margin:0 0 16px;font-size:14px;color:#33475b;\">").Append(Encode(NoLapse)).Append("</p>");
            return;
        }
        html.Append("<div style=\"margin:0 0 16px;padding:12px;border-radius:8px;background:#fdecea;border-left:4px solid #c0392b;\">")
            .Append("<div style=\"font-weight:bold;font-size:15px;color:#8e1f14;margin-bottom:4px;\">").Append(Encode(LapsingHeading)).Append("</div>");
        foreach (var line in LapseLines)
        {
            html.Append("<div style=\"font-size:15px;margin:4px 0;\">").Append(Encode(line)).Append("</div>");
        }
        html.Append("</div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
