using Jamsostek.Core.Validation;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;

namespace Jamsostek.Functions.Tests.Api;

/// <summary>The coverage report's universal-coverage view, from the figures <see cref="CoverageReportApi.Build"/> is given.</summary>
public sealed class CoverageReportBuildTests
{
    private static readonly Agreement Nagekeo = new()
    {
        AgreementNo = "PKS/021/BPJSTK-END/III/2026",
        Region = "5316",
        Type = Core.Values.AgreementType.PKS,
        CoverageStart = new DateOnly(2026, 4, 1),
        CoverageEnd = new DateOnly(2027, 3, 31),
        TargetParticipants = 500,
    };

    private static readonly CoverageEntity[] Counts =
    [
        new() { PartitionKey = "5316", AgreementNo = Nagekeo.AgreementNo, Segment = "non_asn", Occupation = "non_asn", CoverageStart = "2026-04-01", CoverageEnd = "2027-03-31", Participants = 120 },
    ];

    private static ComplianceSnapshotEntity Snapshot(string region, string date, long compliantWorkers) =>
        new() { Region = region, SnapshotDate = date, UploadId = $"{region}-{date}", CompliantReportedWorkers = compliantWorkers };

    private static readonly ComplianceSnapshotEntity[] Snapshots =
    [
        Snapshot("5316", "2026-10-31", 800),
        Snapshot("5316", "2026-11-30", 950),
        Snapshot("5204", "2026-12-31", 40),
    ];

    private static RegionCoverage On(DateOnly date, IEnumerable<ComplianceSnapshotEntity>? snapshots = null) =>
        CoverageReportApi.Build(Counts, [Nagekeo], date, _ => date, snapshots ?? Snapshots).Regions.Single(r => r.Region == "5316");

    [Fact]
    public void AgreementWorkersAndTheCompliantEmployersWorkersOfTheLatestSnapshotOnOrBeforeTheDateAddUp()
    {
        Assert.Equal(new UniversalCoverage(120, 950, 1070, 500, new DateOnly(2026, 11, 30)), On(new DateOnly(2026, 12, 15)).UniversalCoverage);
        Assert.Equal(new UniversalCoverage(120, 950, 1070, 500, new DateOnly(2026, 11, 30)), On(new DateOnly(2026, 11, 30)).UniversalCoverage);
        Assert.Equal(new UniversalCoverage(120, 800, 920, 500, new DateOnly(2026, 10, 31)), On(new DateOnly(2026, 11, 29)).UniversalCoverage);
    }

    [Fact]
    public void WithoutASnapshotOnOrBeforeTheDateThereIsNoView()
    {
        Assert.Null(On(new DateOnly(2026, 10, 30)).UniversalCoverage);
        Assert.Null(On(new DateOnly(2026, 12, 15), []).UniversalCoverage);
        Assert.Null(CoverageReportApi.Build(Counts, [Nagekeo], new DateOnly(2026, 12, 15), _ => default).Regions.Single().UniversalCoverage);
    }

    [Fact]
    public void ARegionKnownOnlyFromItsSnapshotsIsReportedOnceOneIsDated()
    {
        var before = CoverageReportApi.Build(Counts, [Nagekeo], new DateOnly(2026, 12, 30), _ => default, Snapshots);
        var after = CoverageReportApi.Build(Counts, [Nagekeo], new DateOnly(2026, 12, 31), _ => default, Snapshots);

        Assert.Equal(["5316"], before.Regions.Select(r => r.Region));
        var sumbawa = after.Regions.Single(r => r.Region == "5204");
        Assert.Equal(0, sumbawa.Active);
        Assert.Null(sumbawa.Target);
        Assert.Equal(new UniversalCoverage(0, 40, 40, null, new DateOnly(2026, 12, 31)), sumbawa.UniversalCoverage);
        Assert.DoesNotContain(after.Rows, r => r.Region == "5204");
    }
}
