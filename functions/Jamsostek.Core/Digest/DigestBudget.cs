using Jamsostek.Core.Validation;

namespace Jamsostek.Core.Digest;

/// <summary>Workers of one agreement who share a segment and a period of cover.</summary>
public readonly record struct CoverageCount(string Segment, int Participants, DateOnly Start, DateOnly End);

/// <summary>
/// Budget use of an agreement: its budget, what its target costs (<see cref="BudgetCheck"/>), and what the workers
/// enrolled under it commit: each one's whole months of cover at the agreement's rate for their segment (the
/// non-ASN and vulnerable rates where the sheet gives them, the general monthly contribution otherwise).
/// </summary>
public static class DigestBudget
{
    /// <summary>Null when the agreement gives no budget.</summary>
    public static BudgetFigure? For(Agreement agreement, IEnumerable<CoverageCount> enrolled)
    {
        if (agreement.BudgetIdr is not { } budget)
        {
            return null;
        }
        decimal? cost = 0m;
        foreach (var count in enrolled)
        {
            var rate = count.Segment switch
            {
                Values.Segment.NonAsn => agreement.ContributionNonAsnIdr ?? agreement.MonthlyContributionIdr,
                Values.Segment.PekerjaRentan => agreement.ContributionVulnerableIdr ?? agreement.MonthlyContributionIdr,
                _ => agreement.MonthlyContributionIdr,
            };
            if (rate is null)
            {
                cost = null;
                break;
            }
            cost += count.Participants * BudgetCheck.WholeMonths(count.Start, count.End) * rate.Value;
        }
        return new BudgetFigure(agreement.AgreementNo, budget, BudgetCheck.For(agreement)?.Needed, cost);
    }
}
