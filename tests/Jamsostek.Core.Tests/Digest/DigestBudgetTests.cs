using Jamsostek.Core.Digest;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Digest;

public sealed class DigestBudgetTests
{
    private static readonly Agreement Nagekeo = new()
    {
        AgreementNo = "PKS/021/BPJSTK-END/III/2026",
        Region = "5316",
        Type = AgreementType.PKS,
        CoverageStart = new DateOnly(2026, 4, 1),
        CoverageEnd = new DateOnly(2027, 3, 31),
        BudgetIdr = 1_500_000_000m,
        TargetParticipants = 9345,
        TargetNonAsn = 6311,
        TargetVulnerable = 3034,
        MonthlyContributionIdr = 16_800m,
    };

    [Fact]
    public void EnrolledWorkersCommitTheirMonthsOfCoverAtTheAgreementsRate()
    {
        var figure = DigestBudget.For(Nagekeo,
        [
            new CoverageCount(Segment.NonAsn, 130, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)),
            new CoverageCount(Segment.PekerjaRentan, 65, new DateOnly(2026, 10, 1), new DateOnly(2027, 3, 31)),
        ])!;

        Assert.Equal(1_500_000_000m, figure.Budget);
        Assert.Equal(9345m * 12 * 16_800, figure.TargetCost); // Rp 1,883,952,000: the target does not fit
        Assert.Equal(125.6m, figure.TargetCostPercent);
        Assert.Equal((130m * 12 + 65 * 6) * 16_800, figure.EnrolledCost);
        Assert.Equal(2.2m, figure.EnrolledCostPercent);
    }

    [Fact]
    public void AnAgreementWithoutABudgetHasNoBudgetLine() =>
        Assert.Null(DigestBudget.For(Nagekeo with { BudgetIdr = null }, []));
}
