using Jamsostek.Core.Validation;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>Agreements with their period, targets, enrolment and days to expiry, from the agreements and coverage tables.</summary>
public static class AgreementsApi
{
    internal static async Task<Results<Ok<AgreementList>, ProblemHttpResult>> ListAsync(HttpContext context, AgreementStore agreements,
        CoverageStore coverage, TimeProvider time, ILogger<AgreementStore> logger, CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        if (ApiQuery.Region(context, access, logger, out var region) is { } problem)
        {
            return problem;
        }
        var stored = (await agreements.ListAsync(region, cancellationToken)).Where(a => access.CanSee(a.PartitionKey)).ToList();
        var counts = (await coverage.ListAsync(region, cancellationToken)).Where(c => access.CanSee(c.PartitionKey))
            .ToLookup(c => (c.PartitionKey, AgreementNumber.Key(c.AgreementNo)));
        var items = stored.Select(entity =>
        {
            var agreement = entity.ToAgreement();
            var today = ApiQuery.TodayIn(entity.PartitionKey, time);
            var own = counts[(entity.PartitionKey, agreement.Key)].ToList();
            return new AgreementItem(
                agreement.AgreementNo, agreement.Region, agreement.Type.ToString(), agreement.RegionName, agreement.BranchOffice,
                agreement.SignedOn, agreement.CoverageStart, agreement.CoverageEnd,
                agreement.CoverageEnd is { } end ? end.DayNumber - today.DayNumber : null,
                agreement.Target, agreement.TargetNonAsn, agreement.TargetVulnerable,
                own.Sum(c => c.Participants), own.Where(c => c.IsActiveOn(today)).Sum(c => c.Participants),
                agreement.BudgetIdr, agreement.MonthlyContributionIdr, BudgetCheck.For(agreement)?.Needed,
                agreement.FundingSource, Core.Values.ProgramSet.Format(agreement.Programs), agreement.LegalBasis);
        }).OrderBy(a => a.Region, StringComparer.Ordinal).ThenBy(a => a.CoverageEnd).ToList();
        return TypedResults.Ok(new AgreementList(items));
    }
}

public sealed record AgreementList(IReadOnlyList<AgreementItem> Agreements);

/// <param name="DaysToExpiry">Days from today (in the region's time zone) to the last day of cover; negative once lapsed.</param>
/// <param name="Participants">Every worker stored under the agreement.</param>
/// <param name="ActiveToday">Those whose cover runs today.</param>
/// <param name="BudgetNeededIdr">Target x whole months x contribution (segment rates where given).</param>
public sealed record AgreementItem(
    string AgreementNo,
    string Region,
    string Type,
    string? RegionName,
    string? BranchOffice,
    DateOnly? SignedOn,
    DateOnly? CoverageStart,
    DateOnly? CoverageEnd,
    int? DaysToExpiry,
    int? Target,
    int? TargetNonAsn,
    int? TargetVulnerable,
    int Participants,
    int ActiveToday,
    decimal? BudgetIdr,
    decimal? MonthlyContributionIdr,
    decimal? BudgetNeededIdr,
    string? FundingSource,
    string Programs,
    string? LegalBasis);
