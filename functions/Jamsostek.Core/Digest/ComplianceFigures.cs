using Jamsostek.Core.Compliance;

namespace Jamsostek.Core.Digest;

/// <summary>
/// What a region's digest says about employer compliance: the latest snapshot dated on or before the digest's day
/// against the latest dated on or before a week earlier, the ten largest arrears, the cases stuck in one follow-up
/// step, and the total owed over the last snapshots (the chart). Only a region with snapshots has one.
/// </summary>
public sealed record ComplianceFigures
{
    /// <summary>Largest arrears the digest lists.</summary>
    public const int LargestCount = 10;

    /// <summary>Snapshots the chart of the total owed goes back over.</summary>
    public const int HistoryLength = 12;

    /// <summary>The date of the snapshot the figures hold for (its "Tanggal Data").</summary>
    public required DateOnly SnapshotDate { get; init; }

    public required int EmployersInArrears { get; init; }

    public required decimal OwedIdr { get; init; }

    /// <summary>
    /// The latest snapshot dated on or before a week before the digest's day: the same snapshot when nothing newer
    /// came since (<see cref="HasNewerData"/> false), null when the region has no snapshot that old.
    /// </summary>
    public ComplianceTotals? WeekEarlier { get; init; }

    /// <summary>The <see cref="LargestCount"/> largest arrears, largest first.</summary>
    public IReadOnlyList<ArrearFigure> Largest { get; init; } = [];

    /// <summary>Every case in one follow-up step for more than <see cref="ComplianceComparison.StuckAfterDays"/> days, longest first.</summary>
    public IReadOnlyList<StuckCaseFigure> Stuck { get; init; } = [];

    /// <summary>Up to <see cref="HistoryLength"/> snapshots, oldest first, ending with this one.</summary>
    public IReadOnlyList<ComplianceTotals> History { get; init; } = [];

    /// <summary>A snapshot a week back exists and this one is newer: the change since it means something.</summary>
    public bool HasNewerData => WeekEarlier is { } earlier && earlier.SnapshotDate < SnapshotDate;

    /// <summary>Employers in arrears now less a week earlier; null without a newer snapshot to compare.</summary>
    public int? InArrearsChange => HasNewerData ? EmployersInArrears - WeekEarlier!.EmployersInArrears : null;

    /// <summary>Total owed now less a week earlier; null without a newer snapshot to compare.</summary>
    public decimal? OwedChange => HasNewerData ? OwedIdr - WeekEarlier!.OwedIdr : null;

    /// <summary>
    /// The digest's figures from the latest snapshot's comparison (employers, amounts, follow-up steps), the totals of
    /// the snapshot a week earlier and of the snapshots before this one (either may include this one).
    /// </summary>
    public static ComplianceFigures From(ComplianceComparison latest, ComplianceTotals? weekEarlier, IEnumerable<ComplianceTotals> history)
    {
        var current = new ComplianceTotals(latest.SnapshotDate, latest.InArrears.Count, latest.OwedIdr);
        return new ComplianceFigures
        {
            SnapshotDate = latest.SnapshotDate,
            EmployersInArrears = current.EmployersInArrears,
            OwedIdr = current.OwedIdr,
            WeekEarlier = weekEarlier?.SnapshotDate == latest.SnapshotDate ? current : weekEarlier,
            Largest = [.. latest.Largest(LargestCount).Select(standing => new ArrearFigure(
                standing.Employer.CompanyName, standing.Employer.Npp, standing.Employer.ArrearsIdr ?? 0, standing.Employer.ArrearsMonths,
                standing.Employer.FollowupStatus))],
            Stuck = [.. latest.Stuck().Select(standing => new StuckCaseFigure(
                standing.Employer.CompanyName, standing.Employer.Npp, standing.Employer.FollowupStatus, standing.StatusSince!.Value,
                standing.DaysInStatus!.Value, standing.Employer.ArrearsIdr ?? 0))],
            History = [.. history
                .Where(totals => totals.SnapshotDate < latest.SnapshotDate)
                .OrderBy(totals => totals.SnapshotDate)
                .TakeLast(HistoryLength - 1)
                .Append(current)],
        };
    }
}

/// <summary>A snapshot's totals: employers in arrears and what they owe.</summary>
public sealed record ComplianceTotals(DateOnly SnapshotDate, int EmployersInArrears, decimal OwedIdr);

/// <summary>One of the largest arrears: the company, its NPP, what it owes, for how many months, and its follow-up step (a code, or null).</summary>
public sealed record ArrearFigure(string CompanyName, string Npp, decimal ArrearsIdr, int? ArrearsMonths, string? FollowupStatus);

/// <summary>A case left in one follow-up step (a code; null when the sheet names none) since <paramref name="Since"/>, <paramref name="Days"/> days before the snapshot date.</summary>
public sealed record StuckCaseFigure(string CompanyName, string Npp, string? FollowupStatus, DateOnly Since, int Days, decimal ArrearsIdr);
