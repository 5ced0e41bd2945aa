using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Compliance;

/// <summary>An employer in arrears on the latest snapshot, as the compliance report lists it.</summary>
/// <param name="StatusSince">Since when its follow-up step stands: the step's date, else the previous snapshot's when the step was the same.</param>
/// <param name="DaysInStatus">Days from <paramref name="StatusSince"/> to the snapshot date.</param>
public sealed record EmployerStanding(
    Employer Employer,
    AgingBucket Bucket,
    DateOnly? StatusSince,
    int? DaysInStatus,
    EmployerChange Change,
    decimal? PreviousArrearsIdr)
{
    /// <summary>A case the team has left in one step (not instalments, not paid off) for more than <see cref="ComplianceComparison.StuckAfterDays"/> days.</summary>
    public bool IsStuck => DaysInStatus > ComplianceComparison.StuckAfterDays
        && Employer.FollowupStatus is not (FollowupStatus.Instalments or FollowupStatus.PaidOff);
}

/// <summary>One aging bucket's employers and what they owe.</summary>
public sealed record BucketTotal(AgingBucket Bucket, int Employers, decimal OwedIdr);

/// <summary>An employer of the previous snapshot that this one no longer shows in arrears.</summary>
public sealed record EmployerLeft(string Npp, string CompanyName, decimal? PreviousArrearsIdr, EmployerChange Change)
{
    /// <summary>The sector as the latest sheet gives it (the previous one's when it is no longer listed).</summary>
    public string? Sector { get; init; }

    /// <summary>The kecamatan, as <see cref="Sector"/>.</summary>
    public string? District { get; init; }
}

/// <summary>
/// A region's latest compliance snapshot against the one before it: the employers in arrears with aging bucket,
/// follow-up step and since when, totals per bucket, and what changed (paid off, newly in arrears, amount up or down,
/// no longer listed). Pure: the caller reads the two snapshots.
/// </summary>
public sealed class ComplianceComparison
{
    public const int StuckAfterDays = 30;

    private ComplianceComparison(DateOnly snapshotDate, DateOnly? previousDate, List<EmployerStanding> inArrears, List<EmployerLeft> left,
        int employers, long compliantReportedWorkers, int previousInArrears, decimal previousOwed)
    {
        SnapshotDate = snapshotDate;
        PreviousDate = previousDate;
        InArrears = inArrears;
        Left = left;
        Employers = employers;
        CompliantReportedWorkers = compliantReportedWorkers;
        PreviousInArrears = previousInArrears;
        PreviousOwedIdr = previousOwed;
        OwedIdr = inArrears.Sum(s => s.Employer.ArrearsIdr ?? 0);
        Buckets = [.. AgingBuckets.All.Select(bucket =>
        {
            var inBucket = inArrears.Where(s => s.Bucket == bucket).ToList();
            return new BucketTotal(bucket, inBucket.Count, inBucket.Sum(s => s.Employer.ArrearsIdr ?? 0));
        })];
    }

    public DateOnly SnapshotDate { get; }

    /// <summary>The snapshot compared with; null when this is the region's first.</summary>
    public DateOnly? PreviousDate { get; }

    /// <summary>Employers in arrears, largest amount first.</summary>
    public IReadOnlyList<EmployerStanding> InArrears { get; }

    /// <summary>Employers of the previous snapshot now paid off or no longer listed.</summary>
    public IReadOnlyList<EmployerLeft> Left { get; }

    /// <summary>Every employer of the snapshot, in arrears or not.</summary>
    public int Employers { get; }

    /// <summary>Workers reported by the employers not in arrears.</summary>
    public long CompliantReportedWorkers { get; }

    public decimal OwedIdr { get; }

    public int PreviousInArrears { get; }

    public decimal PreviousOwedIdr { get; }

    public IReadOnlyList<BucketTotal> Buckets { get; }

    public int Count(EmployerChange change) => change is EmployerChange.PaidOff or EmployerChange.NoLongerListed
        ? Left.Count(l => l.Change == change)
        : InArrears.Count(s => s.Change == change);

    /// <summary>The <paramref name="count"/> largest arrears.</summary>
    public IEnumerable<EmployerStanding> Largest(int count) => InArrears.Take(count);

    /// <summary>Cases in one follow-up step for more than 30 days, longest first.</summary>
    public IEnumerable<EmployerStanding> Stuck() => InArrears.Where(s => s.IsStuck).OrderByDescending(s => s.DaysInStatus);

    public static ComplianceComparison Compare(IEnumerable<Employer> current, DateOnly snapshotDate, IEnumerable<Employer>? previous, DateOnly? previousDate)
    {
        var before = previous?.ToDictionary(e => e.Npp, StringComparer.Ordinal) ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inArrears = new List<EmployerStanding>();
        var left = new List<EmployerLeft>();
        var employers = 0;
        long compliantWorkers = 0;
        foreach (var employer in current)
        {
            employers++;
            seen.Add(employer.Npp);
            var earlier = before.GetValueOrDefault(employer.Npp);
            if (!employer.InArrears)
            {
                compliantWorkers += employer.ReportedWorkers ?? 0;
                if (earlier is { InArrears: true })
                {
                    left.Add(new EmployerLeft(employer.Npp, employer.CompanyName, earlier.ArrearsIdr, EmployerChange.PaidOff)
                    {
                        Sector = employer.Sector,
                        District = employer.District,
                    });
                }
                continue;
            }
            inArrears.Add(StandingOf(employer, earlier, snapshotDate, previousDate));
        }
        left.AddRange(before.Where(pair => !seen.Contains(pair.Key)).Select(pair =>
            new EmployerLeft(pair.Key, pair.Value.CompanyName, pair.Value.ArrearsIdr, EmployerChange.NoLongerListed)
            {
                Sector = pair.Value.Sector,
                District = pair.Value.District,
            }));
        inArrears.Sort((a, b) => (b.Employer.ArrearsIdr ?? 0).CompareTo(a.Employer.ArrearsIdr ?? 0) is var byAmount and not 0
            ? byAmount
            : string.CompareOrdinal(a.Employer.Npp, b.Employer.Npp));
        left.Sort((a, b) => string.CompareOrdinal(a.Npp, b.Npp));
        var previousInArrears = before.Values.Where(e => e.InArrears).ToList();
        return new ComplianceComparison(snapshotDate, previousDate, inArrears, left, employers, compliantWorkers,
            previousInArrears.Count, previousInArrears.Sum(e => e.ArrearsIdr ?? 0));
    }

    /// <summary>
    /// An employer in arrears: its aging bucket, and since when it is in its follow-up step (the step's date, or, for the
    /// same step as in the previous snapshot, the date it had there, else that snapshot's date).
    /// </summary>
    private static EmployerStanding StandingOf(Employer employer, Employer? earlier, DateOnly snapshotDate, DateOnly? previousDate)
    {
        var since = employer.FollowupOn
            ?? (earlier is not null && employer.FollowupStatus is not null && earlier.FollowupStatus == employer.FollowupStatus
                ? earlier.FollowupOn ?? previousDate
                : null);
        return new EmployerStanding(
            employer,
            AgingBuckets.Of(employer.ArrearsMonths ?? MonthsSince(employer.LastPaidOn, snapshotDate)),
            since,
            since is { } sinceDate ? snapshotDate.DayNumber - sinceDate.DayNumber : null,
            Change(employer, earlier, previousDate is not null),
            earlier?.ArrearsIdr);
    }

    private static int? MonthsSince(DateOnly? lastPaid, DateOnly snapshotDate) =>
        lastPaid is { } paid ? WholeMonths.Between(paid, snapshotDate) : null;

    private static EmployerChange Change(Employer now, Employer? earlier, bool hasPrevious) => (hasPrevious, earlier) switch
    {
        (false, _) => EmployerChange.None,
        (_, null or { InArrears: false }) => EmployerChange.NewlyInArrears,
        _ when (now.ArrearsIdr ?? 0) > (earlier.ArrearsIdr ?? 0) => EmployerChange.AmountUp,
        _ when (now.ArrearsIdr ?? 0) < (earlier.ArrearsIdr ?? 0) => EmployerChange.AmountDown,
        _ => EmployerChange.Unchanged,
    };
}
