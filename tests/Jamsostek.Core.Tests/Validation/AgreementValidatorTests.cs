using Jamsostek.Core.Findings;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Validation;

public sealed class AgreementValidatorTests
{
    private static readonly StagedSheet Sheet = StagedSheet.Agreements(
        "Nomor PKS", "Jenis", "Kode Wilayah", "Tanggal Penandatanganan", "Mulai Berlaku", "Berakhir", "Anggaran",
        "Target Peserta", "Target Non-ASN", "Target Pekerja Rentan", "Iuran per Bulan", "Iuran Non-ASN", "Iuran Pekerja Rentan");

    private static RowOutcome<Agreement> Validate(StagedRow row) => new AgreementValidator(Sheet.Context("5316")).Validate(row);

    private static StagedRow Nagekeo(string? number = "PKS/012/NGK/2026", string? type = "PKS", object? signed = null, object? start = null,
        object? end = null, object? budget = null, object? target = null, object? nonAsn = null, object? vulnerable = null,
        object? rate = null, object? nonAsnRate = null, object? vulnerableRate = null, int? duplicateOf = null) =>
        Sheet.Row(4, duplicateOf, number, type, "53.16", signed ?? "20/12/2025", start ?? "01/01/2026", end ?? "31/12/2026",
            budget ?? "Rp 1.500.000.000", target, nonAsn ?? 6311d, vulnerable ?? 3034d, rate ?? "16.800", nonAsnRate, vulnerableRate);

    private static Finding Only(RowOutcome<Agreement> outcome, string code) => Assert.Single(outcome.Findings, f => f.Code == code);

    [Fact]
    public void AgreementRowIsStoredWithItsTypedValues()
    {
        var outcome = Validate(Nagekeo(budget: "1,5 miliar", target: 9345d, rate: "16.800", nonAsnRate: "16.800", vulnerableRate: "10.800"));

        var agreement = Assert.IsType<Agreement>(outcome.Accepted);
        Assert.Equal("5316", agreement.Region);
        Assert.Equal(AgreementType.PKS, agreement.Type);
        Assert.Equal(1_500_000_000m, agreement.BudgetIdr);
        Assert.Equal(9345, agreement.Target);
        Assert.Equal(16_800m, agreement.MonthlyContributionIdr);
        Assert.Equal(new DateOnly(2026, 12, 31), agreement.CoverageEnd);
    }

    [Fact]
    public void BudgetShortOfTargetTimesMonthsTimesContributionIsAWarningAtTheBudgetCell()
    {
        // 9,345 x 12 x Rp 16,800 = Rp 1,883,952,000 against Rp 1,500,000,000.
        var outcome = Validate(Nagekeo());

        var finding = Only(outcome, FindingCode.BudgetShortfall);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("G4", finding.Cell);
        Assert.Contains("Rp 1.883.952.000", finding.Text());
        Assert.Contains("Rp 383.952.000", finding.Text());
        Assert.True(outcome.IsAccepted);
    }

    [Fact]
    public void BudgetThatExactlyPaysTheTargetIsNoShortfall()
    {
        Assert.DoesNotContain(Validate(Nagekeo(budget: 1_883_952_000d)).Findings, f => f.Code == FindingCode.BudgetShortfall);
        Assert.Contains(Validate(Nagekeo(budget: 1_883_951_999d)).Findings, f => f.Code == FindingCode.BudgetShortfall);
    }

    [Fact]
    public void SegmentRatesAreUsedWhenTheSheetGivesThem()
    {
        // (6,311 x 16,800 + 3,034 x 10,800) x 12 = 1,665,504,000.
        Assert.DoesNotContain(Validate(Nagekeo(budget: 1_665_504_000d, vulnerableRate: "10.800")).Findings, f => f.Code == FindingCode.BudgetShortfall);
        Assert.Contains(Validate(Nagekeo(budget: 1_665_503_999d, vulnerableRate: "10.800")).Findings, f => f.Code == FindingCode.BudgetShortfall);
    }

    [Fact]
    public void PksWithoutAnEndDateIsRequired()
    {
        var sheet = StagedSheet.Agreements("Nomor PKS", "Jenis", "Mulai Berlaku", "Berakhir");

        var outcome = new AgreementValidator(sheet.Context("5316")).Validate(sheet.Row(3, "PKS/1", "PKS", "01/01/2026", null));

        Assert.Equal("D3", Only(outcome, FindingCode.Required).Cell);
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void MouWithoutAPeriodIsStored()
    {
        var sheet = StagedSheet.Agreements("Nomor MoU", "Jenis", "Mulai Berlaku", "Berakhir");

        var outcome = new AgreementValidator(sheet.Context("5316")).Validate(sheet.Row(3, "MoU/7/2025", "MoU", null, null));

        Assert.Empty(outcome.Findings);
        Assert.Equal(AgreementType.MoU, outcome.Accepted!.Type);
    }

    [Fact]
    public void EndBeforeStartIsAnInvalidPeriod()
    {
        Assert.Equal("F4", Only(Validate(Nagekeo(start: "01/01/2026", end: "31/12/2025")), FindingCode.PeriodInvalid).Cell);
    }

    [Fact]
    public void SignedAfterCoverageStartsIsAWarningAndSignedThatDayIsNot()
    {
        var late = Validate(Nagekeo(signed: "02/01/2026"));
        var sameDay = Validate(Nagekeo(signed: "01/01/2026"));

        Assert.Equal("D4", Only(late, FindingCode.AgreementDates).Cell);
        Assert.True(late.IsAccepted);
        Assert.DoesNotContain(sameDay.Findings, f => f.Code == FindingCode.AgreementDates);
    }

    [Fact]
    public void RepeatedAgreementNumberIsRejectedNamingTheFirstRow()
    {
        var outcome = Validate(Nagekeo(duplicateOf: 3));

        Assert.Contains("baris 3", Only(outcome, FindingCode.DuplicateInFile).Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void UnknownAgreementTypeSaysWhatIsAccepted()
    {
        var outcome = Validate(Nagekeo(type: "Kontrak"));

        var finding = Only(outcome, ValueCodes.AgreementTypeUnknown);
        Assert.Equal("B4", finding.Cell);
        Assert.Contains("MoU atau PKS", finding.Text());
    }

    [Theory]
    [InlineData("2025-10-01", "2025-12-31", 3)]
    [InlineData("2026-01-01", "2026-12-31", 12)]
    [InlineData("2026-01-15", "2026-03-14", 2)]
    [InlineData("2026-01-15", "2026-03-13", 1)]
    [InlineData("2026-02-01", "2026-02-28", 1)]
    [InlineData("2026-02-01", "2026-02-27", 0)]
    public void WholeMonthsCountOnlyCompleteMonths(string start, string end, int months)
    {
        Assert.Equal(months, BudgetCheck.WholeMonths(DateOnly.Parse(start), DateOnly.Parse(end)));
    }
}
