using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Digest;

/// <summary>
/// The coverage tables of the digest, in the email's order: the summary (with the compliance figures when there are
/// some), then segments, occupations, lapsing cover, uploads and budgets. The workbook has them all; the HTML all but
/// the summary.
/// </summary>
internal sealed class DigestCoverageTables(DigestFigures figures, DigestSnapshot? previous, DigestWords words, DigestComplianceSection? compliance)
{
    private Language Language => words.Language;

    public IReadOnlyList<DigestTable> All() =>
        [SummaryTable(), SegmentTable(), OccupationTable(), LapseTable(), UploadTable(), BudgetTable()];

    /// <summary>What the body says when no cover ends within the window.</summary>
    public static string NoLapse(DigestFigures figures, DigestWords words) => words.InReaderLanguage(
        $"Tidak ada perlindungan yang berakhir dalam {figures.LapsingWithinDays} hari.", $"No cover ends within {figures.LapsingWithinDays} days.");

    /// <summary>An upload's moment as a date in its region's time zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string region) =>
        DateOnly.FromDateTime(instant.ToOffset(RegionTimeZone.UtcOffset(RegionCode.Parse(region))).DateTime);

    /// <summary>"NIK tidak 16 angka (3), tanggal tidak sah (1)": an upload's top rejection reasons with their counts.</summary>
    public static string Reasons(UploadFigure upload, Language language) =>
        string.Join(", ", upload.TopErrors.Select(error => $"{DigestLabels.Reason(error.Code, language)} ({UserFormat.Number(error.Count, language)})"));

    private string NoWorkers => words.InReaderLanguage("Belum ada peserta aktif.", "No active workers yet.");

    private DigestTable SummaryTable()
    {
        List<DigestCell[]> rows =
        [
            [DigestCells.Text(words.InReaderLanguage("Wilayah", "Region")),
                DigestCells.Text(figures.RegionName is null ? figures.Region : $"{figures.RegionName} ({figures.Region})")],
            [DigestCells.Text(words.InReaderLanguage("Per tanggal", "As of")), DigestCells.Date(figures.AsOf, Language)],
            [DigestCells.Text(words.InReaderLanguage("Pekerja terlindungi", "Workers covered")), DigestCells.Count(figures.Active, Language)],
            [DigestCells.Text("Target"), figures.Target is { } target ? DigestCells.Count(target, Language) : DigestCell.Empty],
            [DigestCells.Text(words.InReaderLanguage("% dari target", "% of target")), DigestCells.Percent(figures.PercentOfTarget, Language)],
            [DigestCells.Text(words.InReaderLanguage("Perubahan sejak ringkasan sebelumnya", "Change since the previous digest")),
                previous is null ? DigestCell.Empty : DigestCells.Change(figures.Active - previous.Active, Language)],
            [DigestCells.Text(words.InReaderLanguage("Ringkasan sebelumnya per tanggal", "Previous digest as of")),
                previous is null ? DigestCell.Empty : DigestCells.Date(previous.AsOf, Language)],
            [DigestCells.Text(words.InReaderLanguage($"Pekerja kehilangan perlindungan dalam {figures.LapsingWithinDays} hari",
                    $"Workers losing cover within {figures.LapsingWithinDays} days")),
                DigestCells.Count(figures.Lapsing.Sum(agreement => agreement.ParticipantsAtRisk), Language)],
        ];
        if (compliance is not null)
        {
            rows.AddRange(compliance.SummaryRows());
        }
        var summary = words.InReaderLanguage("Ringkasan", "Summary");
        return new(summary, summary, [words.InReaderLanguage("Keterangan", "Item"), words.InReaderLanguage("Nilai", "Value")], rows);
    }

    private DigestTable SegmentTable() => new(words.InReaderLanguage("Segmen", "Segments"), words.InReaderLanguage("Per segmen", "By segment"),
        [words.InReaderLanguage("Segmen", "Segment"), words.InReaderLanguage("Terlindungi", "Covered"), "Target", words.InReaderLanguage("% target", "% of target"),
            words.InReaderLanguage("Perubahan", "Change")],
        [.. figures.Segments.Select(segment => new[]
        {
            DigestCells.Text(DigestLabels.Segment(segment.Segment, Language)),
            DigestCells.Count(segment.Active, Language),
            segment.Target is { } target ? DigestCells.Count(target, Language) : DigestCell.Empty,
            DigestCells.Percent(segment.PercentOfTarget, Language),
            previous is null ? DigestCell.Empty : DigestCells.Change(segment.Active - previous.Segments.GetValueOrDefault(segment.Segment), Language),
        })],
        NoWorkers);

    private DigestTable OccupationTable() => new(words.InReaderLanguage("Pekerjaan", "Occupations"), words.InReaderLanguage("Per pekerjaan", "By occupation"),
        [words.InReaderLanguage("Pekerjaan", "Occupation"), words.InReaderLanguage("Terlindungi", "Covered")],
        [.. figures.Occupations.Select(occupation => new[]
        {
            DigestCells.Text(DigestLabels.Occupation(occupation.Occupation, Language)), DigestCells.Count(occupation.Active, Language),
        })],
        NoWorkers);

    private DigestTable LapseTable() => new(words.InReaderLanguage("Segera berakhir", "Lapsing soon"),
        words.InReaderLanguage($"Perlindungan berakhir dalam {figures.LapsingWithinDays} hari", $"Cover ending within {figures.LapsingWithinDays} days"),
        [words.InReaderLanguage("Nomor PKS", "Agreement"), words.InReaderLanguage("Tanggal berakhir", "Cover ends"), words.InReaderLanguage("Sisa hari", "Days left"),
            words.InReaderLanguage("Pekerja kehilangan perlindungan", "Workers losing cover")],
        [.. figures.Lapsing.SelectMany(agreement => agreement.Lapses.Select(lapse => new[]
        {
            DigestCells.Text(agreement.AgreementNo), DigestCells.Date(lapse.Date, Language), DigestCells.Count(lapse.DaysLeft, Language),
            DigestCells.Count(lapse.Participants, Language),
        }))],
        NoLapse(figures, words));

    private DigestTable UploadTable()
    {
        var since = words.Date(LocalDate(figures.UploadsSince, figures.Region));
        return new(words.InReaderLanguage("Unggahan", "Uploads"), words.InReaderLanguage($"Unggahan sejak {since}", $"Uploads since {since}"),
            [words.InReaderLanguage("Berkas", "File"), words.InReaderLanguage("Tanggal unggah", "Uploaded"), "Status", words.InReaderLanguage("Baris", "Rows"),
                words.InReaderLanguage("Diterima", "Accepted"), words.InReaderLanguage("Ditolak", "Rejected"),
                words.InReaderLanguage("Alasan utama penolakan", "Top rejection reasons")],
            [.. figures.Uploads.Select(upload => new[]
            {
                DigestCells.Text(upload.FileName),
                DigestCells.Date(LocalDate(upload.ReceivedAt, figures.Region), Language),
                DigestCells.Text(DigestLabels.UploadStatus(upload.Status, Language)),
                DigestCells.Count(upload.RowsRead, Language),
                DigestCells.Count(upload.RowsAccepted, Language),
                DigestCells.Count(upload.RowsRejected, Language),
                DigestCells.Text(Reasons(upload, Language)),
            })],
            words.InReaderLanguage("Tidak ada unggahan baru.", "No new uploads."));
    }

    private DigestTable BudgetTable() => new(words.InReaderLanguage("Anggaran", "Budget"), words.InReaderLanguage("Penggunaan anggaran", "Budget use"),
        [words.InReaderLanguage("Nomor PKS", "Agreement"), words.InReaderLanguage("Anggaran (Rp)", "Budget (IDR)"),
            words.InReaderLanguage("Kebutuhan target (Rp)", "Cost of target (IDR)"), words.InReaderLanguage("Kebutuhan target % anggaran", "Cost of target % of budget"),
            words.InReaderLanguage("Iuran peserta terdaftar (Rp)", "Enrolled workers' contributions (IDR)"),
            words.InReaderLanguage("Iuran terdaftar % anggaran", "Enrolled % of budget")],
        [.. figures.Budgets.Select(budget => new[]
        {
            DigestCells.Text(budget.AgreementNo),
            DigestCells.Money(budget.Budget, Language),
            budget.TargetCost is { } cost ? DigestCells.Money(cost, Language) : DigestCell.Empty,
            DigestCells.Percent(budget.TargetCostPercent, Language),
            budget.EnrolledCost is { } enrolled ? DigestCells.Money(enrolled, Language) : DigestCell.Empty,
            DigestCells.Percent(budget.EnrolledCostPercent, Language),
        })],
        words.InReaderLanguage("Tidak ada perjanjian berlaku yang mencantumkan anggaran.", "No agreement in force gives a budget."));
}
