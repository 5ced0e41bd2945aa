using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Validation;

public sealed class ComplianceValidatorTests
{
    private static readonly DateOnly Snapshot = new(2026, 10, 31);

    private static readonly StagedSheet Sheet = StagedSheet.Compliance(
        "NPP", "Nama Perusahaan", "Sektor", "Kecamatan", "TK Terdaftar", "TK Dilaporkan", "Bulan Menunggak", "Jumlah Tunggakan",
        "Tanggal Bayar Terakhir", "Status Tindak Lanjut", "Tanggal Tindak Lanjut", "Keterangan");

    private static RowOutcome<Employer> Validate(StagedRow row) =>
        new ComplianceValidator(Sheet.Context("5204"), Snapshot).Validate(row);

    /// <summary>A row of an employer in arrears; a null argument keeps the usual value, "" leaves the cell blank.</summary>
    private static StagedRow Employer(object? npp = null, object? name = null, object? months = null, object? amount = null, object? lastPaid = null,
        object? status = null, object? followupOn = null, int? duplicateOf = null) =>
        Sheet.Row(6, duplicateOf, npp ?? "12.345.678", name ?? "CV Sinar Jaya Sumbawa", "Perdagangan", "Alas", 25d, 18d, months ?? 4d,
            amount ?? "Rp 12.500.000", lastPaid ?? "30 Juni 2026", status ?? "Surat Teguran 1", followupOn ?? "15/10/2026", null);

    private static Finding Only(RowOutcome<Employer> outcome, string code) => Assert.Single(outcome.Findings, f => f.Code == code);

    [Fact]
    public void AnEmployerRowIsStoredWithItsValuesAsTheOfficeTypedThem()
    {
        var outcome = Validate(Employer());

        Assert.Empty(outcome.Findings);
        var employer = Assert.IsType<Employer>(outcome.Accepted);
        Assert.Equal("12345678", employer.Npp);
        Assert.Equal("5204", employer.Region);
        Assert.Equal(Snapshot, employer.SnapshotDate);
        Assert.Equal(4, employer.ArrearsMonths);
        Assert.Equal(12_500_000m, employer.ArrearsIdr);
        Assert.Equal(new DateOnly(2026, 6, 30), employer.LastPaidOn);
        Assert.Equal("surat_teguran_1", employer.FollowupStatus);
        Assert.Equal(new DateOnly(2026, 10, 15), employer.FollowupOn);
        Assert.Equal(18, employer.ReportedWorkers);
        Assert.True(employer.InArrears);
    }

    [Theory]
    [InlineData("1234567", "7 digits")]
    [InlineData("123456789", "9 digits")]
    [InlineData("12-34A-678", "a letter")]
    public void AnNppThatIsNotEightDigitsIsAnErrorAtItsCell(string npp, string why)
    {
        var outcome = Validate(Employer(npp: npp));

        var finding = Only(outcome, FindingCode.NppFormat);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("A6", finding.Cell);
        Assert.Equal(npp, finding.Value);
        Assert.Contains("8 angka", finding.Text());
        Assert.False(outcome.IsAccepted, why);
    }

    [Fact]
    public void AnNppKeptAsANumberThatLostItsLeadingZeroIsRefused()
    {
        // Excel turns "01234567" into 1234567 unless the column is text.
        Assert.Single(Validate(Employer(npp: 1234567d)).Findings, f => f.Code == FindingCode.NppFormat);
        Assert.Equal("12345678", Validate(Employer(npp: 12345678d)).Accepted!.Npp);
    }

    [Fact]
    public void NppAndCompanyNameAreRequired()
    {
        var outcome = Validate(Employer(npp: "", name: " "));

        Assert.Equal(["A6", "B6"], outcome.Findings.Where(f => f.Code == FindingCode.Required).Select(f => f.Cell).Order());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void AnNppRepeatedInTheFileIsRejectedNamingTheFirstRow()
    {
        var finding = Only(Validate(Employer(duplicateOf: 4)), FindingCode.DuplicateInFile);

        Assert.Equal("A6", finding.Cell);
        Assert.Contains("baris 4", finding.Text());
        Assert.Equal("12345678", finding.Value);
    }

    [Theory]
    [InlineData("-Rp 5.000.000")]
    [InlineData("lima juta")]
    [InlineData(-5000000d)]
    public void ANegativeOrNonNumericAmountIsAnAmountFormatError(object amount)
    {
        var outcome = Validate(Employer(amount: amount));

        Assert.Equal("H6", Only(outcome, FindingCode.AmountFormat).Cell);
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void NegativeMonthsInArrearsAreAnAmountFormatErrorToo()
    {
        Assert.Equal("G6", Only(Validate(Employer(months: "-2")), FindingCode.AmountFormat).Cell);
    }

    [Fact]
    public void DatesAfterTheSnapshotDateAreErrors()
    {
        var outcome = Validate(Employer(lastPaid: "01/11/2026", followupOn: "15 November 2026", months: 0d, amount: 0d));

        var future = outcome.Findings.Where(f => f.Code == FindingCode.DateInFuture).ToList();
        Assert.Equal(["I6", "K6"], future.Select(f => f.Cell).Order());
        Assert.Contains("31 Oktober 2026", future[0].Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void AnUnreadableDateIsADateFormatError()
    {
        Assert.Equal("I6", Only(Validate(Employer(lastPaid: "31/06/2026")), FindingCode.DateFormat).Cell);
    }

    [Theory]
    [InlineData("ST 2", "surat_teguran_2")]
    [InlineData("Teguran II", "surat_teguran_2")]
    [InlineData("diserahkan ke kejaksaan", "diserahkan_ke_kejaksaan")]
    [InlineData("Angsuran", "cicilan")]
    [InlineData("LUNAS", "lunas")]
    [InlineData("Belum Ditindaklanjuti", "belum_ditindaklanjuti")]
    public void FollowUpStepsAreReadAsOfficesWriteThem(string typed, string code)
    {
        Assert.Equal(code, Validate(Employer(status: typed)).Accepted!.FollowupStatus);
    }

    [Fact]
    public void AnUnknownFollowUpStepIsAnErrorListingTheKnownOnes()
    {
        var finding = Only(Validate(Employer(status: "Sudah ditelepon")), FindingCode.FollowupUnknown);

        Assert.Equal("J6", finding.Cell);
        Assert.Contains("surat teguran 1", finding.Text());
        Assert.Contains("diserahkan ke kejaksaan", finding.Text());
    }

    [Fact]
    public void MonthsInArrearsFarFromTheLastPaymentAreAWarningAndTheRowIsStored()
    {
        // Last paid 30 June, data of 31 October: 4 whole months; 8 differs by more than one.
        var outcome = Validate(Employer(months: 8d));

        var finding = Only(outcome, FindingCode.ArrearsInconsistent);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("G6", finding.Cell);
        Assert.Contains("4 bulan penuh", finding.Text());
        Assert.True(outcome.IsAccepted);
        Assert.DoesNotContain(Validate(Employer(months: 5d)).Findings, f => f.Code == FindingCode.ArrearsInconsistent);
        Assert.DoesNotContain(Validate(Employer(months: 3d)).Findings, f => f.Code == FindingCode.ArrearsInconsistent);
    }

    [Fact]
    public void MonthsInArrearsWithNoAmountAreAWarning()
    {
        foreach (var amount in new object[] { 0d, "", "Rp 0" })
        {
            var outcome = Validate(Employer(amount: amount));

            Assert.Equal("H6", Only(outcome, FindingCode.ArrearsZeroAmount).Cell);
            Assert.True(outcome.IsAccepted);
        }
    }

    [Fact]
    public void AnEmployerWithNothingOwedIsNotInArrears()
    {
        var employer = Validate(Employer(months: 0d, amount: 0d, lastPaid: "20/10/2026", status: "", followupOn: "")).Accepted!;

        Assert.False(employer.InArrears);
    }

    [Fact]
    public void MessagesComeInEnglishOnRequest()
    {
        var outcome = Validate(Employer(npp: "1234", months: 9d));

        Assert.Contains("exactly 8 digits", Only(outcome, FindingCode.NppFormat).Text(Language.En));
        Assert.Contains("whole months", Only(outcome, FindingCode.ArrearsInconsistent).Text(Language.En));
    }
}
