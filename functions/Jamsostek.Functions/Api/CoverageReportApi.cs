using Jamsostek.Core.Exports;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/reports/coverage: participants whose cover runs on a date (default: today in each region's time zone),
/// by segment and occupation, against the targets of the agreements in force that day; and, where the region has
/// employer compliance snapshots, its universal-coverage view: those workers plus the workers reported by the employers
/// not in arrears at the latest snapshot dated on or before that day. Read from the coverage, agreements and
/// compliancesnapshots tables only, never from the participants or employers.
/// </summary>
public static class CoverageReportApi
{
    public static readonly IReadOnlyList<string> Columns = ["region", "asOf", "agreementNo", "segment", "occupation", "active"];

    internal static async Task<IResult> GetAsync(HttpContext context, AgreementStore agreements, CoverageStore coverage,
        ComplianceSnapshotStore snapshots, TimeProvider time, ILogger<CoverageStore> logger, CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        var formatProblem = ApiQuery.Format(context, out var format);
        var regionProblem = ApiQuery.Region(context, access, logger, out var region);
        var dateProblem = ApiQuery.Date(context, "asOf", out var asOf);
        if ((formatProblem ?? regionProblem ?? dateProblem) is { } problem)
        {
            return problem;
        }
        var report = Build(
            (await coverage.ListAsync(region, cancellationToken)).Where(c => access.CanSee(c.PartitionKey)),
            (await agreements.ListAsync(region, cancellationToken)).Where(a => access.CanSee(a.PartitionKey)).Select(a => a.ToAgreement()),
            asOf, r => ApiQuery.TodayIn(r, time),
            (await snapshots.ListAsync(region, cancellationToken)).Where(s => access.CanSee(s.Region)));
        if (format == ExportFormat.Json)
        {
            return TypedResults.Ok(report);
        }
        await TableExport.WriteAsync(context, format, "cakupan", Columns, Rows(report), cancellationToken);
        return TypedResults.Empty;
    }

    /// <param name="snapshots">The regions' compliance snapshots (any dates): each region's universal-coverage view takes
    /// the latest on or before its date. None given, no view.</param>
    public static CoverageReport Build(IEnumerable<CoverageEntity> counts, IEnumerable<Agreement> agreements, DateOnly? asOf, Func<string, DateOnly> today,
        IEnumerable<ComplianceSnapshotEntity>? snapshots = null)
    {
        var byRegion = counts.GroupBy(c => c.PartitionKey).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var agreementsByRegion = agreements.GroupBy(a => a.Region).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var snapshotsByRegion = (snapshots ?? []).GroupBy(s => s.Region).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var regions = new List<RegionCoverage>();
        var rows = new List<CoverageRow>();
        foreach (var region in byRegion.Keys.Union(agreementsByRegion.Keys).Union(snapshotsByRegion.Keys).Order(StringComparer.Ordinal))
        {
            var date = asOf ?? today(region);
            var active = byRegion.GetValueOrDefault(region, []).Where(c => c.IsActiveOn(date)).ToList();
            var inForce = agreementsByRegion.GetValueOrDefault(region, []).Where(a => a.HasPeriod && a.Covers(date, date)).ToList();
            var total = active.Sum(c => c.Participants);
            int? target = inForce.Count == 0 || inForce.All(a => a.Target is null) ? null : inForce.Sum(a => a.Target ?? 0);
            var snapshot = ComplianceReader.Latest(snapshotsByRegion.GetValueOrDefault(region, []), date)?.Current;
            if (snapshot is null && !byRegion.ContainsKey(region) && !agreementsByRegion.ContainsKey(region))
            {
                // Known only from compliance snapshots, all dated after the day asked about: nothing to say of that day.
                continue;
            }
            regions.Add(new RegionCoverage(region, date, total, target, Percent(total, target),
                [.. active.GroupBy(c => c.Segment).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new SegmentCoverage(g.Key, g.Sum(c => c.Participants), SegmentTarget(g.Key, inForce)))],
                [.. active.GroupBy(c => c.Occupation).OrderByDescending(g => g.Sum(c => c.Participants)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new OccupationCoverage(g.Key, g.Sum(c => c.Participants)))])
            {
                UniversalCoverage = snapshot is null
                    ? null
                    : new UniversalCoverage(total, snapshot.CompliantReportedWorkers, total + snapshot.CompliantReportedWorkers, target,
                        IsoDate.Parse(snapshot.SnapshotDate)!.Value),
            });
            rows.AddRange(active.GroupBy(c => (c.AgreementNo, c.Segment, c.Occupation))
                .OrderBy(g => g.Key.AgreementNo, StringComparer.Ordinal).ThenBy(g => g.Key.Segment, StringComparer.Ordinal).ThenBy(g => g.Key.Occupation, StringComparer.Ordinal)
                .Select(g => new CoverageRow(region, date, g.Key.AgreementNo, g.Key.Segment, g.Key.Occupation, g.Sum(c => c.Participants))));
        }
        return new CoverageReport(asOf, regions, rows);
    }

    private static int? SegmentTarget(string segment, IReadOnlyList<Agreement> inForce) => segment switch
    {
        Core.Values.Segment.NonAsn when inForce.Any(a => a.TargetNonAsn is not null) => inForce.Sum(a => a.TargetNonAsn ?? 0),
        Core.Values.Segment.PekerjaRentan when inForce.Any(a => a.TargetVulnerable is not null) => inForce.Sum(a => a.TargetVulnerable ?? 0),
        _ => null,
    };

    private static decimal? Percent(int active, int? target) => target is > 0 ? Math.Round(100m * active / target.Value, 1) : null;

    private static async IAsyncEnumerable<TableCell[]> Rows(CoverageReport report)
    {
        foreach (var row in report.Rows)
        {
            yield return [row.Region, row.AsOf, row.AgreementNo, row.Segment, row.Occupation, row.Active];
        }
        await Task.CompletedTask;
    }
}

/// <param name="AsOf">The date asked for; null when each region's own today was used (see each region's <c>asOf</c>).</param>
public sealed record CoverageReport(DateOnly? AsOf, IReadOnlyList<RegionCoverage> Regions, IReadOnlyList<CoverageRow> Rows);

/// <param name="PercentOfTarget">Active participants as a percentage of the target of the agreements in force, one decimal.</param>
public sealed record RegionCoverage(string Region, DateOnly AsOf, int Active, int? Target, decimal? PercentOfTarget,
    IReadOnlyList<SegmentCoverage> Segments, IReadOnlyList<OccupationCoverage> Occupations)
{
    /// <summary>Null when the region has no compliance snapshot dated on or before <see cref="AsOf"/>.</summary>
    public UniversalCoverage? UniversalCoverage { get; init; }
}

/// <summary>
/// The region's universal-coverage view: workers covered through its agreements (<see cref="RegionCoverage.Active"/>)
/// and workers reported by employers with no arrears at the compliance snapshot of <see cref="SnapshotDate"/>, next to
/// the target of the agreements in force (which counts only the former).
/// </summary>
public sealed record UniversalCoverage(int AgreementWorkers, long CompliantEmployerWorkers, long Total, int? Target, DateOnly SnapshotDate);

public sealed record SegmentCoverage(string Segment, int Active, int? Target);

public sealed record OccupationCoverage(string Occupation, int Active);

/// <summary>One line of the table the CSV and XLSX formats carry: the same numbers as the JSON's <c>rows</c>.</summary>
public sealed record CoverageRow(string Region, DateOnly AsOf, string AgreementNo, string Segment, string Occupation, int Active);
