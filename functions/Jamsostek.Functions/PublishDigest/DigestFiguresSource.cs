using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Uploads;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// Reads what a region's digest reports from the coverage counts, agreements and upload records, with the same
/// arithmetic as the coverage and expiring reports (<see cref="CoverageReportApi.Build"/>, <see cref="ExpiringReportApi.Item"/>),
/// so the email and the API never disagree; and, for a region with compliance snapshots, the employer compliance
/// figures (<see cref="ComplianceAsync"/>). One instance per run: each region is read once however many recipients it has.
/// </summary>
public sealed class DigestFiguresSource(AgreementStore agreements, CoverageStore coverage, UploadStore uploads, ComplianceReader compliance,
    DigestOptions options)
{
    private readonly Dictionary<string, RegionData> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Region, DateOnly Today), ComplianceFigures?> _compliance = [];

    public async Task<DigestFigures> BuildAsync(string region, DateTimeOffset now, DateTimeOffset uploadsSince, CancellationToken cancellationToken)
    {
        if (!_regions.TryGetValue(region, out var data))
        {
            data = new RegionData(
                await coverage.ListAsync(region, cancellationToken),
                [.. (await agreements.ListAsync(region, cancellationToken)).Select(a => a.ToAgreement())],
                await uploads.ListAsync(region, cancellationToken));
            _regions[region] = data;
        }
        var today = RegionTimeZone.Today(RegionCode.Parse(region), now);
        var report = CoverageReportApi.Build(data.Counts, data.Agreements, today, _ => today).Regions.FirstOrDefault();
        var countsByAgreement = data.Counts.ToLookup(c => AgreementNumber.Key(c.AgreementNo));
        var lapsing = data.Agreements
            .Select(a => ExpiringReportApi.Item(a, countsByAgreement[a.Key], today, options.LapsingWithinDays))
            .OfType<ExpiringAgreement>()
            .OrderBy(item => item.CoverageEnd).ThenBy(item => item.AgreementNo, StringComparer.Ordinal)
            .Select(item => new LapsingAgreement(item.AgreementNo, item.CoverageEnd, item.DaysLeft, item.ParticipantsActive, item.ParticipantsAtRisk,
                [.. item.Lapses.Select(lapse => new LapseFigure(lapse.Date, lapse.DaysLeft, lapse.Participants))]))
            .Where(item => item.Lapses.Count > 0)
            .ToList();
        var budgets = data.Agreements
            .Where(a => a.HasPeriod && a.Covers(today, today))
            .OrderBy(a => a.AgreementNo, StringComparer.Ordinal)
            .Select(a => DigestBudget.For(a, countsByAgreement[a.Key]
                .Select(c => new CoverageCount(c.Segment, c.Participants, IsoDate.Parse(c.CoverageStart)!.Value, IsoDate.Parse(c.CoverageEnd)!.Value))))
            .OfType<BudgetFigure>()
            .ToList();
        var inForce = data.Agreements.Where(a => a.HasPeriod && a.Covers(today, today)).ToList();
        return new DigestFigures
        {
            Region = region,
            RegionName = inForce.Concat(data.Agreements).Select(a => a.RegionName).FirstOrDefault(name => !string.IsNullOrWhiteSpace(name)),
            AsOf = today,
            Active = report?.Active ?? 0,
            Target = report?.Target,
            Segments = [.. (report?.Segments ?? []).Select(s => new SegmentFigure(s.Segment, s.Active, s.Target))],
            Occupations = [.. (report?.Occupations ?? []).Select(o => new OccupationFigure(o.Occupation, o.Active))],
            Lapsing = lapsing,
            LapsingWithinDays = options.LapsingWithinDays,
            UploadsSince = uploadsSince,
            Uploads = [.. data.Uploads
                .Where(u => u.ReceivedAt >= uploadsSince)
                .OrderByDescending(u => u.ReceivedAt)
                .Select(u => new UploadFigure(Path.GetFileName(u.BlobName), u.SheetKind, u.Status, u.ReceivedAt, u.RowsRead, u.RowsAccepted, u.RowsRejected,
                    UploadFigure.ParseTopErrors(u.TopErrors)))],
            Budgets = budgets,
            Compliance = await ComplianceAsync(region, today, cancellationToken),
        };
    }

    /// <summary>
    /// The region's latest compliance snapshot dated on or before <paramref name="today"/> (its employers compared with
    /// the snapshot before it, as the compliance report does), the totals of the latest dated on or before a week
    /// earlier, and the totals of the last snapshots for the chart; null when the region has no snapshot that old.
    /// </summary>
    private async Task<ComplianceFigures?> ComplianceAsync(string region, DateOnly today, CancellationToken cancellationToken)
    {
        if (_compliance.TryGetValue((region, today), out var cached))
        {
            return cached;
        }
        var snapshots = await compliance.SnapshotsAsync(region, cancellationToken);
        ComplianceFigures? figures = null;
        if (ComplianceReader.Latest(snapshots, today) is var (current, previous))
        {
            var latest = await compliance.CompareAsync(current, previous, cancellationToken);
            var weekEarlier = ComplianceReader.Latest(snapshots, today.AddDays(-7))?.Current;
            var history = snapshots.Where(snapshot => string.CompareOrdinal(snapshot.SnapshotDate, current.SnapshotDate) <= 0)
                .TakeLast(ComplianceFigures.HistoryLength);
            figures = ComplianceFigures.From(latest, weekEarlier is null ? null : Totals(weekEarlier), history.Select(Totals));
        }
        _compliance[(region, today)] = figures;
        return figures;
    }

    private static ComplianceTotals Totals(ComplianceSnapshotEntity snapshot) =>
        new(IsoDate.Parse(snapshot.SnapshotDate)!.Value, snapshot.EmployersInArrears, (decimal)snapshot.OwedIdr);

    private sealed record RegionData(IReadOnlyList<CoverageEntity> Counts, IReadOnlyList<Agreement> Agreements, IReadOnlyList<UploadRecord> Uploads);
}
