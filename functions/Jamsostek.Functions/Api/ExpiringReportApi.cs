using Jamsostek.Core.Validation;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/reports/expiring: agreements whose cover ends within <c>withinDays</c> (default 60) of today in their
/// region, with the workers who lose cover and when ("5.600 pekerja kehilangan perlindungan pada 31 Desember").
/// </summary>
public static class ExpiringReportApi
{
    public const int DefaultWithinDays = 60;
    public const int MaxWithinDays = 3660;

    internal static async Task<Results<Ok<ExpiringReport>, ProblemHttpResult>> GetAsync(HttpContext context, AgreementStore agreements,
        CoverageStore coverage, TimeProvider time, ILogger<AgreementStore> logger, CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        var regionProblem = ApiQuery.Region(context, access, logger, out var region);
        var daysProblem = ApiQuery.WholeNumber(context, "withinDays", DefaultWithinDays, MaxWithinDays, out var withinDays);
        if ((regionProblem ?? daysProblem) is { } problem)
        {
            return problem;
        }
        var counts = (await coverage.ListAsync(region, cancellationToken)).ToLookup(c => (c.PartitionKey, AgreementNumber.Key(c.AgreementNo)));
        var items = (await agreements.ListAsync(region, cancellationToken))
            .Where(a => access.CanSee(a.PartitionKey))
            .Select(a => Item(a.ToAgreement(), counts[(a.PartitionKey, AgreementNumber.Key(a.AgreementNo))], ApiQuery.TodayIn(a.PartitionKey, time), withinDays))
            .OfType<ExpiringAgreement>()
            .OrderBy(item => item.CoverageEnd).ThenBy(item => item.Region, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ExpiringReport(withinDays, items));
    }

    public static ExpiringAgreement? Item(Agreement agreement, IEnumerable<CoverageEntity> counts, DateOnly today, int withinDays)
    {
        if (agreement.CoverageEnd is not { } end || end < today || end > today.AddDays(withinDays))
        {
            return null;
        }
        var active = counts.Where(c => c.IsActiveOn(today)).ToList();
        var lapses = active.GroupBy(c => IsoDate.Parse(c.CoverageEnd)!.Value)
            .Where(g => g.Key <= today.AddDays(withinDays))
            .OrderBy(g => g.Key)
            .Select(g => new Lapse(g.Key, g.Key.DayNumber - today.DayNumber, g.Sum(c => c.Participants)))
            .ToList();
        return new ExpiringAgreement(agreement.AgreementNo, agreement.Region, agreement.RegionName, agreement.CoverageEnd.Value,
            end.DayNumber - today.DayNumber, active.Sum(c => c.Participants), lapses.Sum(l => l.Participants), lapses);
    }
}

public sealed record ExpiringReport(int WithinDays, IReadOnlyList<ExpiringAgreement> Agreements);

/// <param name="ParticipantsActive">Workers covered today under the agreement.</param>
/// <param name="ParticipantsAtRisk">Of those, the ones whose cover ends within the window.</param>
public sealed record ExpiringAgreement(string AgreementNo, string Region, string? RegionName, DateOnly CoverageEnd, int DaysLeft,
    int ParticipantsActive, int ParticipantsAtRisk, IReadOnlyList<Lapse> Lapses);

/// <summary>How many workers lose cover on a date.</summary>
public sealed record Lapse(DateOnly Date, int DaysLeft, int Participants);
