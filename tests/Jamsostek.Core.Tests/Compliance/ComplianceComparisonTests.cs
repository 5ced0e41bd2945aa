using Jamsostek.Core.Compliance;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Compliance;

public sealed class ComplianceComparisonTests
{
    private static readonly DateOnly Previous = new(2026, 10, 31);
    private static readonly DateOnly Latest = new(2026, 11, 30);

    private static Employer E(string npp, decimal? owed = null, int? months = null, string? status = null, DateOnly? followupOn = null,
        DateOnly? lastPaid = null, int? reported = null, DateOnly? on = null, string? district = null) => new()
        {
            Npp = npp,
            CompanyName = $"CV Usaha {npp}",
            Region = "5316",
            SnapshotDate = on ?? Latest,
            Sector = "Perdagangan",
            District = district ?? "Boawae",
            ReportedWorkers = reported,
            ArrearsMonths = months,
            ArrearsIdr = owed,
            LastPaidOn = lastPaid,
            FollowupStatus = status,
            FollowupOn = followupOn,
        };

    private static Employer Before(string npp, decimal? owed = null, int? months = null, string? status = null, DateOnly? followupOn = null,
        string? district = null) => E(npp, owed, months, status, followupOn, on: Previous, district: district);

    [Theory]
    [InlineData(null, AgingBucket.Unknown)]
    [InlineData(0, AgingBucket.Unknown)]
    [InlineData(1, AgingBucket.UpTo3Months)]
    [InlineData(3, AgingBucket.UpTo3Months)]
    [InlineData(4, AgingBucket.UpTo6Months)]
    [InlineData(6, AgingBucket.UpTo6Months)]
    [InlineData(7, AgingBucket.UpTo12Months)]
    [InlineData(12, AgingBucket.UpTo12Months)]
    [InlineData(13, AgingBucket.Over12Months)]
    [InlineData(40, AgingBucket.Over12Months)]
    public void MonthsInArrearsFallInTheTeamsBuckets(int? months, AgingBucket bucket) => Assert.Equal(bucket, AgingBuckets.Of(months));

    [Fact]
    public void BucketsCountTheEmployersInArrearsAndWhatTheyOweLargestFirst()
    {
        var comparison = ComplianceComparison.Compare(
        [
            E("10000001", 1_000_000, 2),
            E("10000002", 3_000_000, 3),
            E("10000003", 5_000_000, 5),
            E("10000004", 9_000_000, 9),
            E("10000005", 13_000_000, 13),
            E("10000006", 24_000_000, 24),
            E("10000007", 700_000),                                                // an amount, no months, no last payment
            E("10000008", 2_500_000, lastPaid: new DateOnly(2026, 6, 15)),           // no months: 5 whole months since the last payment
            E("10000009", 0, 0, reported: 40),                                       // paid up
            E("10000010", reported: 12),                                             // paid up, nothing typed
        ], Latest, null, null);

        Assert.Equal(10, comparison.Employers);
        Assert.Equal(52, comparison.CompliantReportedWorkers);
        Assert.Equal(8, comparison.InArrears.Count);
        Assert.Equal(58_200_000m, comparison.OwedIdr);
        Assert.Equal(["1-3", "4-6", "7-12", ">12", "unknown"], comparison.Buckets.Select(b => AgingBuckets.Code(b.Bucket)));
        Assert.Equal([2, 2, 1, 2, 1], comparison.Buckets.Select(b => b.Employers));
        Assert.Equal([4_000_000m, 7_500_000m, 9_000_000m, 37_000_000m, 700_000m], comparison.Buckets.Select(b => b.OwedIdr));
        Assert.Equal(comparison.OwedIdr, comparison.Buckets.Sum(b => b.OwedIdr));
        Assert.Equal(["10000006", "10000005", "10000004", "10000003", "10000002", "10000008", "10000001", "10000007"],
            comparison.InArrears.Select(s => s.Employer.Npp));
        Assert.Equal(AgingBucket.UpTo6Months, comparison.InArrears.Single(s => s.Employer.Npp == "10000008").Bucket);
        Assert.Equal(["10000006", "10000005"], comparison.Largest(2).Select(s => s.Employer.Npp));
    }

    [Fact]
    public void EqualAmountsAreListedByNpp()
    {
        var comparison = ComplianceComparison.Compare([E("20000002", 500_000, 1), E("20000001", 500_000, 1)], Latest, null, null);

        Assert.Equal(["20000001", "20000002"], comparison.InArrears.Select(s => s.Employer.Npp));
    }

    [Fact]
    public void EachChangeSinceThePreviousSnapshotIsNamed()
    {
        var comparison = ComplianceComparison.Compare(
        [
            E("30000001", 0, 0, FollowupStatus.PaidOff, district: "Mauponggo"),      // owed 4 jt, paid off
            E("30000002", 2_000_000, 2),                                            // not listed before
            E("30000003", 1_500_000, 1),                                            // listed before, paid up then
            E("30000004", 6_000_000, 4),                                            // 5 jt before
            E("30000005", 3_000_000, 6),                                            // 4 jt before
            E("30000006", 1_000_000, 2),                                            // the same
            E("30000007", 0, 0, reported: 25),                                      // paid up then and now
        ], Latest,
        [
            Before("30000001", 4_000_000, 3, FollowupStatus.Warning1, district: "Boawae"),
            Before("30000003", 0, 0),
            Before("30000004", 5_000_000, 3),
            Before("30000005", 4_000_000, 5),
            Before("30000006", 1_000_000, 1),
            Before("30000007", 0, 0),
            Before("30000008", 7_000_000, 9, district: "Aesesa"),                    // gone from the sheet
            Before("30000009", 0, 0),                                               // gone, owed nothing
        ], Previous);

        EmployerChange ChangeOf(string npp) => comparison.InArrears.Single(s => s.Employer.Npp == npp).Change;
        Assert.Equal(Previous, comparison.PreviousDate);
        Assert.Equal(EmployerChange.NewlyInArrears, ChangeOf("30000002"));
        Assert.Equal(EmployerChange.NewlyInArrears, ChangeOf("30000003"));
        Assert.Equal(EmployerChange.AmountUp, ChangeOf("30000004"));
        Assert.Equal(EmployerChange.AmountDown, ChangeOf("30000005"));
        Assert.Equal(EmployerChange.Unchanged, ChangeOf("30000006"));
        Assert.Equal(5_000_000m, comparison.InArrears.Single(s => s.Employer.Npp == "30000004").PreviousArrearsIdr);
        Assert.Null(comparison.InArrears.Single(s => s.Employer.Npp == "30000002").PreviousArrearsIdr);
        Assert.Equal(
            [("30000001", EmployerChange.PaidOff, 4_000_000m, "Mauponggo"), ("30000008", EmployerChange.NoLongerListed, 7_000_000m, "Aesesa"),
                ("30000009", EmployerChange.NoLongerListed, 0m, "Boawae")],
            comparison.Left.Select(l => (l.Npp, l.Change, l.PreviousArrearsIdr ?? -1, l.District!)));
        Assert.Equal("CV Usaha 30000008", comparison.Left.Single(l => l.Npp == "30000008").CompanyName);
        Assert.Equal(1, comparison.Count(EmployerChange.PaidOff));
        Assert.Equal(2, comparison.Count(EmployerChange.NewlyInArrears));
        Assert.Equal(1, comparison.Count(EmployerChange.AmountUp));
        Assert.Equal(1, comparison.Count(EmployerChange.AmountDown));
        Assert.Equal(1, comparison.Count(EmployerChange.Unchanged));
        Assert.Equal(2, comparison.Count(EmployerChange.NoLongerListed));
        Assert.Equal(5, comparison.PreviousInArrears);
        Assert.Equal(21_000_000m, comparison.PreviousOwedIdr);
        Assert.Equal(5, comparison.InArrears.Count);
        Assert.Equal(13_500_000m, comparison.OwedIdr);
        Assert.Equal(25, comparison.CompliantReportedWorkers);
    }

    [Fact]
    public void TheFirstSnapshotHasNoChangesAndNothingLeft()
    {
        var comparison = ComplianceComparison.Compare([E("40000001", 2_000_000, 2, FollowupStatus.Warning1), E("40000002", 0, 0)], Latest, null, null);

        Assert.Null(comparison.PreviousDate);
        Assert.All(comparison.InArrears, s => Assert.Equal(EmployerChange.None, s.Change));
        Assert.All(comparison.InArrears, s => Assert.Null(s.PreviousArrearsIdr));
        Assert.Empty(comparison.Left);
        Assert.Equal(0, comparison.PreviousInArrears);
        Assert.Equal(0m, comparison.PreviousOwedIdr);
        // Without a date on the step and nothing before it, since when is not known.
        Assert.Null(comparison.InArrears.Single().StatusSince);
        Assert.Null(comparison.InArrears.Single().DaysInStatus);
        Assert.Empty(comparison.Stuck());
    }

    [Fact]
    public void SinceWhenComesFromTheStepsDateElseFromThePreviousSnapshotWhenTheStepStayedTheSame()
    {
        var comparison = ComplianceComparison.Compare(
        [
            E("50000001", 1_000_000, 2, FollowupStatus.Warning1, new DateOnly(2026, 11, 10)),    // dated: 20 days
            E("50000002", 1_000_000, 2, FollowupStatus.Warning2),                               // same step, dated in the previous sheet
            E("50000003", 1_000_000, 2, FollowupStatus.Warning2),                               // same step, undated before too
            E("50000004", 1_000_000, 2, FollowupStatus.Prosecutor),                             // a new step, undated
            E("50000005", 1_000_000, 2),                                                        // no step at all
        ], Latest,
        [
            Before("50000001", 1_000_000, 1, FollowupStatus.NotFollowedUp, new DateOnly(2026, 9, 1)),
            Before("50000002", 1_000_000, 1, FollowupStatus.Warning2, new DateOnly(2026, 9, 20)),
            Before("50000003", 1_000_000, 1, FollowupStatus.Warning2),
            Before("50000004", 1_000_000, 1, FollowupStatus.Warning2, new DateOnly(2026, 9, 20)),
            Before("50000005", 1_000_000, 1),
        ], Previous);

        EmployerStanding Of(string npp) => comparison.InArrears.Single(s => s.Employer.Npp == npp);
        Assert.Equal((new DateOnly(2026, 11, 10), 20), (Of("50000001").StatusSince, Of("50000001").DaysInStatus));
        Assert.Equal((new DateOnly(2026, 9, 20), 71), (Of("50000002").StatusSince, Of("50000002").DaysInStatus));
        Assert.Equal((Previous, 30), (Of("50000003").StatusSince, Of("50000003").DaysInStatus));
        Assert.Null(Of("50000004").StatusSince);
        Assert.Null(Of("50000004").DaysInStatus);
        Assert.Null(Of("50000005").StatusSince);
    }

    [Fact]
    public void StuckCasesAreThoseInOneStepOverThirtyDaysButNotInstalmentsOrPaidOffLongestFirst()
    {
        DateOnly DaysBefore(int days) => Latest.AddDays(-days);
        var comparison = ComplianceComparison.Compare(
        [
            E("60000001", 1_000_000, 2, FollowupStatus.Warning1, DaysBefore(31)),
            E("60000002", 1_000_000, 2, FollowupStatus.Warning2, DaysBefore(30)),      // exactly 30: not yet
            E("60000003", 1_000_000, 2, FollowupStatus.Prosecutor, DaysBefore(200)),
            E("60000004", 1_000_000, 2, FollowupStatus.Instalments, DaysBefore(120)),  // paying: not stuck
            E("60000005", 1_000_000, 2, FollowupStatus.PaidOff, DaysBefore(90)),       // paid off, amount not yet cleared
            E("60000006", 1_000_000, 2, FollowupStatus.NotFollowedUp, DaysBefore(45)),
        ], Latest, null, null);

        Assert.Equal(["60000003", "60000006", "60000001"], comparison.Stuck().Select(s => s.Employer.Npp));
        Assert.False(comparison.InArrears.Single(s => s.Employer.Npp == "60000002").IsStuck);
        Assert.Equal(120, comparison.InArrears.Single(s => s.Employer.Npp == "60000004").DaysInStatus);
    }

    [Fact]
    public void CodesAndLabelsAreStableAndInBothLanguages()
    {
        Assert.Equal("lebih dari 12 bulan", AgingBuckets.Label(AgingBucket.Over12Months, Language.Id));
        Assert.Equal("over 12 months", AgingBuckets.Label(AgingBucket.Over12Months, Language.En));
        Assert.Equal(["newly_in_arrears", "amount_up", "amount_down", "unchanged", "paid_off", "no_longer_listed"],
            new[] { EmployerChange.NewlyInArrears, EmployerChange.AmountUp, EmployerChange.AmountDown, EmployerChange.Unchanged, EmployerChange.PaidOff,
                EmployerChange.NoLongerListed }.Select(EmployerChanges.Code));
        Assert.Equal("tidak tercantum lagi", EmployerChanges.Label(EmployerChange.NoLongerListed, Language.Id));
        Assert.Equal("surat teguran 2", FollowupStatus.Label(FollowupStatus.Warning2, Language.Id));
    }
}
