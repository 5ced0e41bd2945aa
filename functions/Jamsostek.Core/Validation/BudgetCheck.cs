namespace Jamsostek.Core.Validation;

/// <summary>
/// Whether an agreement's budget pays its target's contributions: target participants x whole months of the
/// period x monthly contribution, with the non-ASN and vulnerable segments at their own rates when the sheet
/// gives them (the rest of the target at the general rate).
/// </summary>
public sealed record BudgetCheck(decimal Budget, decimal Needed, int Months, IReadOnlyList<(string Segment, int Count, decimal Rate)> Lines)
{
    public bool IsShort => Needed > Budget;

    /// <summary>Null when the agreement lacks what the check needs: a budget, a period, a target and a rate.</summary>
    public static BudgetCheck? For(Agreement agreement)
    {
        if (agreement.BudgetIdr is not { } budget || !agreement.HasPeriod || agreement.Target is not { } target)
        {
            return null;
        }
        var months = WholeMonths(agreement.CoverageStart!.Value, agreement.CoverageEnd!.Value);
        var lines = new List<(string, int, decimal)>();
        var rest = target;
        if (agreement.TargetNonAsn is { } nonAsn && (agreement.ContributionNonAsnIdr ?? agreement.MonthlyContributionIdr) is { } nonAsnRate)
        {
            lines.Add((Values.Segment.NonAsn, nonAsn, nonAsnRate));
            rest -= nonAsn;
        }
        if (agreement.TargetVulnerable is { } vulnerable && (agreement.ContributionVulnerableIdr ?? agreement.MonthlyContributionIdr) is { } vulnerableRate)
        {
            lines.Add((Values.Segment.PekerjaRentan, vulnerable, vulnerableRate));
            rest -= vulnerable;
        }
        if (rest > 0)
        {
            if (agreement.MonthlyContributionIdr is not { } rate)
            {
                return null;
            }
            lines.Add(("", rest, rate));
        }
        if (lines.Count == 0)
        {
            return null;
        }
        var needed = lines.Sum(line => line.Item2 * line.Item3) * months;
        return new BudgetCheck(budget, needed, months, lines);
    }

    /// <summary>Whole months from start to end inclusive: 1 Oct - 31 Dec is 3, 1 Jan - 31 Dec is 12, 15 Jan - 14 Mar is 2.</summary>
    public static int WholeMonths(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var months = ((after.Year - start.Year) * 12) + after.Month - start.Month;
        if (after.Day < start.Day)
        {
            months--;
        }
        return Math.Max(0, months);
    }
}
