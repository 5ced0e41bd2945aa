using Jamsostek.Core.Compliance;
using Jamsostek.Core.Exports;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Compliance;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/reports/compliance: the employers in arrears at a region's latest compliance snapshot (as of <c>asOf</c>
/// when given), with aging bucket, follow-up step and since when, totals per bucket, and what changed since the
/// snapshot before it, including the employers that left the list. One block per region; a region (or a key) with no
/// snapshot at all gets a 404 saying the sheet has not been uploaded, which a clerk can act on, rather than an empty file.
/// </summary>
public static class ComplianceReportApi
{
    public static IReadOnlyList<string> Columns(Language language) => language == Language.En
        ?
        [
            "Region", "Data date", "NPP", "Company", "Sector", "District (kecamatan)", "Arrears (IDR)", "Months in arrears", "Aging",
            "Follow-up status", "In this step since", "Days in this step", "Change since previous snapshot", "Previous arrears (IDR)",
        ]
        :
        [
            "Wilayah", "Tanggal Data", "NPP", "Nama Perusahaan", "Sektor", "Kecamatan", "Jumlah Tunggakan (Rp)", "Bulan Menunggak", "Lama Tunggakan",
            "Status Tindak Lanjut", "Sejak Tanggal", "Lama pada Status (Hari)", "Perubahan dari Data Sebelumnya", "Tunggakan Sebelumnya (Rp)",
        ];

    internal static async Task<IResult> GetAsync(HttpContext context, ComplianceReader reader, ILogger<ComplianceReader> logger,
        CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        var formatProblem = ApiQuery.Format(context, out var format);
        var regionProblem = ApiQuery.Region(context, access, logger, out var region);
        var dateProblem = ApiQuery.Date(context, "asOf", out var asOf);
        if ((formatProblem ?? regionProblem ?? dateProblem) is { } problem)
        {
            return problem;
        }
        var language = ApiProblems.LanguageOf(context);
        var regions = new List<RegionCompliance>();
        foreach (var snapshots in (await reader.SnapshotsAsync(region, cancellationToken)).Where(s => access.CanSee(s.Region))
            .GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (ComplianceReader.Latest(snapshots, asOf) is { } latest)
            {
                regions.Add(Build(latest.Current.Region, latest.Current.UploadId,
                    await reader.CompareAsync(latest.Current, latest.Previous, cancellationToken), language));
            }
        }
        if (regions.Count == 0)
        {
            return ApiProblems.NoComplianceSheet(language, region, asOf);
        }
        var report = new ComplianceReport(asOf, regions);
        if (format == ExportFormat.Json)
        {
            return TypedResults.Ok(report);
        }
        await TableExport.WriteAsync(context, format, region is null ? "kepatuhan" : $"kepatuhan-{region}", Columns(language), Rows(report), cancellationToken);
        return TypedResults.Empty;
    }

    public static RegionCompliance Build(string region, string uploadId, ComplianceComparison comparison, Language language)
    {
        var hasPrevious = comparison.PreviousDate is not null;
        return new RegionCompliance(
            region,
            comparison.SnapshotDate,
            uploadId,
            comparison.PreviousDate,
            comparison.Employers,
            comparison.InArrears.Count,
            comparison.OwedIdr,
            hasPrevious ? comparison.PreviousInArrears : null,
            hasPrevious ? comparison.PreviousOwedIdr : null,
            comparison.Stuck().Count(),
            [.. comparison.Buckets.Select(b => new ComplianceBucket(AgingBuckets.Code(b.Bucket), AgingBuckets.Label(b.Bucket, language), b.Employers, b.OwedIdr))],
            hasPrevious
                ? [.. ChangeKinds.Select(c => new ComplianceChangeCount(EmployerChanges.Code(c), EmployerChanges.Label(c, language), comparison.Count(c)))]
                : [],
            [.. comparison.InArrears.Select(s => new EmployerInArrears(
                s.Employer.Npp, s.Employer.CompanyName, s.Employer.Sector, s.Employer.District, s.Employer.RegisteredWorkers, s.Employer.ReportedWorkers,
                s.Employer.ArrearsIdr, s.Employer.ArrearsMonths, s.Employer.LastPaidOn,
                AgingBuckets.Code(s.Bucket), AgingBuckets.Label(s.Bucket, language),
                s.Employer.FollowupStatus, s.Employer.FollowupStatus is { } status ? FollowupStatus.Label(status, language) : null, s.Employer.FollowupOn,
                s.StatusSince, s.DaysInStatus, s.IsStuck,
                EmployerChanges.Code(s.Change), LabelOrNull(s.Change, language), s.PreviousArrearsIdr))],
            [.. comparison.Left.Select(e => new EmployerNoLongerInArrears(
                e.Npp, e.CompanyName, e.Sector, e.District, e.Change == EmployerChange.PaidOff ? 0m : null, e.PreviousArrearsIdr,
                EmployerChanges.Code(e.Change), EmployerChanges.Label(e.Change, language)))]);
    }

    /// <summary>The changes a report counts, in the order a reader scans them.</summary>
    private static readonly EmployerChange[] ChangeKinds =
    [
        EmployerChange.NewlyInArrears, EmployerChange.AmountUp, EmployerChange.AmountDown, EmployerChange.Unchanged, EmployerChange.PaidOff,
        EmployerChange.NoLongerListed,
    ];

    private static string? LabelOrNull(EmployerChange change, Language language) => change == EmployerChange.None ? null : EmployerChanges.Label(change, language);

    /// <summary>Per region: the employers in arrears, largest first, then the ones that left the list (owing nothing now, or gone from the sheet).</summary>
    private static async IAsyncEnumerable<TableCell[]> Rows(ComplianceReport report)
    {
        foreach (var region in report.Regions)
        {
            foreach (var e in region.InArrears)
            {
                yield return
                [
                    region.Region, region.SnapshotDate, e.Npp, e.CompanyName, e.Sector, e.District, e.ArrearsIdr, e.ArrearsMonths, e.BucketLabel,
                    e.FollowupLabel, e.StatusSince, e.DaysInStatus, e.ChangeLabel, e.PreviousArrearsIdr,
                ];
            }
            foreach (var e in region.Left)
            {
                yield return
                [
                    region.Region, region.SnapshotDate, e.Npp, e.CompanyName, e.Sector, e.District, e.ArrearsIdr, TableCell.Empty, TableCell.Empty,
                    TableCell.Empty, TableCell.Empty, TableCell.Empty, e.ChangeLabel, e.PreviousArrearsIdr,
                ];
            }
        }
        await Task.CompletedTask;
    }
}

/// <param name="AsOf">The date asked for; null when each region's latest snapshot was taken.</param>
public sealed record ComplianceReport(DateOnly? AsOf, IReadOnlyList<RegionCompliance> Regions);

/// <param name="UploadId">The upload holding the snapshot (a sheet uploaded again for the same date replaces the earlier one).</param>
/// <param name="PreviousSnapshotDate">The snapshot compared with; null for the region's first, which then has no changes.</param>
/// <param name="Stuck">Employers in one follow-up step for more than 30 days (instalments and paid off aside).</param>
/// <param name="Changes">How many employers moved each way since the previous snapshot; empty without one.</param>
public sealed record RegionCompliance(
    string Region,
    DateOnly SnapshotDate,
    string UploadId,
    DateOnly? PreviousSnapshotDate,
    int Employers,
    int EmployersInArrears,
    decimal OwedIdr,
    int? PreviousEmployersInArrears,
    decimal? PreviousOwedIdr,
    int Stuck,
    IReadOnlyList<ComplianceBucket> Buckets,
    IReadOnlyList<ComplianceChangeCount> Changes,
    IReadOnlyList<EmployerInArrears> InArrears,
    IReadOnlyList<EmployerNoLongerInArrears> Left);

/// <param name="Bucket">"1-3", "4-6", "7-12", ">12" (months) or "unknown".</param>
public sealed record ComplianceBucket(string Bucket, string Label, int Employers, decimal OwedIdr);

/// <param name="Change">newly_in_arrears, amount_up, amount_down, unchanged, paid_off, no_longer_listed.</param>
public sealed record ComplianceChangeCount(string Change, string Label, int Employers);

/// <param name="StatusSince">The follow-up step's date, else the previous snapshot's when the step was already the same then.</param>
/// <param name="Change">Since the previous snapshot; "none" for a region's first.</param>
public sealed record EmployerInArrears(
    string Npp,
    string CompanyName,
    string? Sector,
    string? District,
    int? RegisteredWorkers,
    int? ReportedWorkers,
    decimal? ArrearsIdr,
    int? ArrearsMonths,
    DateOnly? LastPaidOn,
    string Bucket,
    string BucketLabel,
    string? FollowupStatus,
    string? FollowupLabel,
    DateOnly? FollowupOn,
    DateOnly? StatusSince,
    int? DaysInStatus,
    bool Stuck,
    string Change,
    string? ChangeLabel,
    decimal? PreviousArrearsIdr);

/// <summary>
/// An employer of the previous snapshot that the latest does not list as owing: paid off (owed then, nothing now), or no
/// longer listed (gone from the sheet: closed, moved or left out; whether it owed then or not).
/// </summary>
/// <param name="ArrearsIdr">0 when paid off; null when no longer listed (the sheet says nothing of it now).</param>
/// <param name="Change">paid_off or no_longer_listed.</param>
public sealed record EmployerNoLongerInArrears(
    string Npp,
    string CompanyName,
    string? Sector,
    string? District,
    decimal? ArrearsIdr,
    decimal? PreviousArrearsIdr,
    string Change,
    string ChangeLabel);
