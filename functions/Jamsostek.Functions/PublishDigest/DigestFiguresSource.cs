using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Uploads;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// Reads what a region's digest reports from the coverage counts, agreements and upload records, with the same
/// arithmetic as the coverage and expiring reports (<see cref="CoverageReportApi.Build"/>, <see cref="ExpiringReportApi.Item"/>),
/// so the email and the API never disagree. One instance per run: each region is read once however many recipients it has.
/// </summary>
public sealed class DigestFiguresSource(AgreementStore agreements, CoverageStore coverage, UploadStore uploads, DigestOptions options)
{
    private readonly Dictionary<string, RegionData> _regions = new(StringComparer.Ordinal);

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
                .Select(u => new UploadFigure(Path.GetFileName(u.BlobName), u.Kind, u.Status, u.ReceivedAt, u.RowsRead, u.RowsAccepted, u.RowsRejected,
                    UploadFigure.ParseTopErrors(u.TopErrors)))],
            Budgets = budgets,
        };
    }

    private sealed record RegionData(IReadOnlyList<CoverageEntity> Counts, IReadOnlyList<Agreement> Agreements, IReadOnlyList<UploadRecord> Uploads);
}
