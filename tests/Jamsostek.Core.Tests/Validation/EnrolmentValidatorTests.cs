using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Validation;

public sealed class EnrolmentValidatorTests
{
    private const string Pks = "PKS/045/BPJSTK-SBW/III/2026";
    private const string Man = "5204011203900001";   // born 12 March 1990
    private const string Woman = "5204015203900002"; // born 12 March 1990, day + 40

    private static readonly StagedSheet Sheet = StagedSheet.Enrolments(
        "NIK", "Nama", "Tanggal Lahir", "Jenis Kelamin", "Pekerjaan", "Nomor PKS", "Mulai", "Selesai", "No HP");

    private static readonly Agreement Sumbawa = new()
    {
        AgreementNo = Pks,
        Region = "5204",
        Type = AgreementType.PKS,
        CoverageStart = new DateOnly(2026, 3, 1),
        CoverageEnd = new DateOnly(2027, 2, 28),
        Programs = Programs.JKK | Programs.JKM,
    };

    private static RowOutcome<Enrolment> Validate(StagedRow row, IReadOnlyList<CoverageRecord>? earlier = null, StagedSheet? sheet = null,
        params Agreement[] agreements) =>
        new EnrolmentValidator((sheet ?? Sheet).Context(), agreements.Length == 0 ? [Sumbawa] : agreements).Validate(row, earlier ?? []);

    private static StagedRow Worker(string nik = Man, string? name = "Budi Santoso", string? birth = "12/03/1990", string? gender = "L",
        string? occupation = "Petani", string? agreement = Pks, object? start = null, object? end = null, string? phone = "0812-3456-7890", int row = 7, int? duplicateOf = null) =>
        Sheet.Row(row, duplicateOf, nik, name, birth, gender, occupation, agreement, start, end, phone);

    private static Finding Only(RowOutcome<Enrolment> outcome, string code) => Assert.Single(outcome.Findings, f => f.Code == code);

    [Fact]
    public void ValidWorkerIsAcceptedWithTheAgreementsPeriodAndNoFindings()
    {
        var outcome = Validate(Worker());

        Assert.Empty(outcome.Findings);
        var enrolment = Assert.IsType<Enrolment>(outcome.Accepted);
        Assert.Equal(Man, enrolment.Nik);
        Assert.Equal(new DateOnly(1990, 3, 12), enrolment.BirthDate);
        Assert.Equal("L", enrolment.Gender);
        Assert.Equal("petani", enrolment.Occupation);
        Assert.Equal(Segment.PekerjaRentan, enrolment.Segment);
        Assert.Equal(new DateOnly(2026, 3, 1), enrolment.CoverageStart);
        Assert.Equal(new DateOnly(2027, 2, 28), enrolment.CoverageEnd);
        Assert.Equal(Programs.JKK | Programs.JKM, enrolment.Programs);
        Assert.Equal("+6281234567890", enrolment.Phone);
    }

    [Theory]
    [InlineData("520401120390001", FindingCode.NikFormat)]
    [InlineData("52040112039000011", FindingCode.NikFormat)]
    [InlineData("5204011203900001", null)]
    public void NikOfFifteenDigitsIsRejectedAndSixteenPasses(string nik, string? code)
    {
        var outcome = Validate(Worker(nik));

        if (code is null)
        {
            Assert.True(outcome.IsAccepted);
            return;
        }
        var finding = Only(outcome, code);
        Assert.Equal("A7", finding.Cell);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.DoesNotContain(nik, finding.Text());
        Assert.DoesNotContain(nik, finding.Value);
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void NikStoredAsNumberIsRejectedAsPrecisionLostAtThatCell()
    {
        var outcome = Validate(Sheet.Row(9, 5204011203900000d, "Budi", "12/03/1990", "L", "Petani", Pks, null, null, null));

        var finding = Only(outcome, FindingCode.NikPrecisionLost);
        Assert.Equal("A9", finding.Cell);
        Assert.Contains("Teks", finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void NameLongerThanACellHoldsIsRejectedAsCellTooLongWithoutEchoingTheText()
    {
        var name = "Budi " + new string('a', 40_000);

        var outcome = Validate(Worker(name: name));

        var finding = Only(outcome, FindingCode.CellTooLong);
        Assert.Equal("B7", finding.Cell);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Null(finding.Value);
        Assert.Contains("berisi 40005 karakter; satu sel paling banyak 32.767 karakter", finding.Text());
        Assert.True(finding.Text().Length < 300, finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Theory]
    [InlineData("5204013101900001", "31/01/1990", true)]  // day 31 of January
    [InlineData("5204013201900001", "01/02/1990", false)] // day 32 is no date
    [InlineData("5204014101900002", "01/01/1990", true)]  // a woman born on the 1st: 41
    [InlineData("5204017101900002", "31/01/1990", true)]  // a woman born on the 31st: 71
    [InlineData("5204017201900002", "01/01/1990", false)] // 72 is no woman's day
    [InlineData("5204014001900002", "01/01/1990", false)] // 40 is neither
    [InlineData("5204013002900001", "28/02/1990", false)] // 30 February
    public void NikBirthDigitsMustBeARealDate(string nik, string birth, bool valid)
    {
        var female = int.Parse(nik[6..8]) > 40;
        var outcome = Validate(Worker(nik, birth: birth, gender: female ? "P" : "L"));

        if (valid)
        {
            Assert.DoesNotContain(outcome.Findings, f => f.Code == FindingCode.NikBirthDate);
            Assert.True(outcome.IsAccepted);
        }
        else
        {
            Assert.Equal("A7", Only(outcome, FindingCode.NikBirthDate).Cell);
            Assert.False(outcome.IsAccepted);
        }
    }

    [Fact]
    public void WomansNikWithMaleGenderIsRejectedAtTheGenderCell()
    {
        var rejected = Validate(Worker(Woman, gender: "L"));
        var accepted = Validate(Worker(Woman, gender: "Perempuan"));

        Assert.Equal("D7", Only(rejected, FindingCode.NikGenderMismatch).Cell);
        Assert.True(accepted.IsAccepted);
        Assert.Equal("P", accepted.Accepted!.Gender);
    }

    [Fact]
    public void GenderComesFromTheNikWhenTheColumnIsBlank()
    {
        var outcome = Validate(Worker(Woman, gender: null));

        Assert.Equal("P", outcome.Accepted!.Gender);
    }

    [Fact]
    public void BirthDateDifferentFromTheNikIsAWarningAndTheRowIsStored()
    {
        var outcome = Validate(Worker(birth: "13/03/1990"));

        var finding = Only(outcome, FindingCode.NikBirthDateMismatch);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("C7", finding.Cell);
        Assert.True(outcome.IsAccepted);
    }

    [Fact]
    public void NikFromAnotherProvinceIsAWarning()
    {
        var outcome = Validate(Worker("5318011203900001"));

        var finding = Only(outcome, FindingCode.NikRegion);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("53", finding.Text());
        Assert.True(outcome.IsAccepted);
    }

    [Theory]
    [InlineData("5204010103120001", "01/03/2012", true)]  // 14 on 1 March 2026
    [InlineData("5204010103110001", "01/03/2011", false)] // 15 that day
    [InlineData("5204010103610001", "01/03/1961", false)] // 65
    [InlineData("5204010103600001", "01/03/1960", true)]  // 66 that day
    public void AgeOutsideFifteenToSixtyFiveAtCoverageStartIsAWarning(string nik, string birth, bool warned)
    {
        var outcome = Validate(Worker(nik, birth: birth));

        Assert.Equal(warned, outcome.Findings.Any(f => f.Code == FindingCode.AgeRange && f.Severity == Severity.Warning));
        Assert.True(outcome.IsAccepted);
    }

    [Fact]
    public void ImpossibleBirthDateIsADateFormatError()
    {
        var outcome = Validate(Worker(birth: "31/02/1990"));

        var finding = Only(outcome, FindingCode.DateFormat);
        Assert.Equal("C7", finding.Cell);
        Assert.Contains("31/02/1990", finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void UnknownOccupationSuggestsTheClosestCategory()
    {
        var outcome = Validate(Worker(occupation: "Petanii"));

        var finding = Only(outcome, FindingCode.OccupationUnknown);
        Assert.Equal("E7", finding.Cell);
        Assert.Contains("\"petani\"", finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void AgreementNotStoredIsRejectedTellingTheOfficeToUploadItFirst()
    {
        var outcome = Validate(Worker(agreement: "PKS/999/X/2026"));

        var finding = Only(outcome, FindingCode.AgreementUnknown);
        Assert.Equal("F7", finding.Cell);
        Assert.Contains("Unggah daftar perjanjian", finding.Text());
    }

    [Fact]
    public void AgreementNumberMatchesWhateverTheSpacingAndCapitals()
    {
        var outcome = Validate(Worker(agreement: "pks / 045 / bpjstk-sbw / iii / 2026"));

        Assert.Equal(Pks, outcome.Accepted!.AgreementNo);
    }

    [Fact]
    public void BlankAgreementNumberTakesTheRegionsOnlyPksInForce()
    {
        var outcome = Validate(Worker(agreement: null));

        Assert.Equal(Pks, outcome.Accepted!.AgreementNo);
    }

    [Fact]
    public void BlankAgreementNumberWithTwoPksInForceIsRequired()
    {
        var other = Sumbawa with { AgreementNo = "PKS/046/BPJSTK-SBW/III/2026" };

        var outcome = Validate(Worker(agreement: null), agreements: [Sumbawa, other]);

        var finding = Only(outcome, FindingCode.Required);
        Assert.Equal("F7", finding.Cell);
        Assert.Contains("2 PKS", finding.Text());
    }

    [Fact]
    public void BlankAgreementNumberWithNoPksInForceIsRequired()
    {
        var lapsed = Sumbawa with { CoverageStart = new DateOnly(2025, 1, 1), CoverageEnd = new DateOnly(2025, 12, 31) };

        var outcome = Validate(Worker(agreement: null), agreements: [lapsed]);

        Assert.Contains("tidak memiliki PKS", Only(outcome, FindingCode.Required).Text());
    }

    [Fact]
    public void EndBeforeStartIsAnInvalidPeriod()
    {
        var outcome = Validate(Worker(start: "01/06/2026", end: "31/05/2026"));

        Assert.Equal("H7", Only(outcome, FindingCode.PeriodInvalid).Cell);
    }

    [Theory]
    [InlineData("01/03/2026", "28/02/2027", null)]
    [InlineData("01/03/2026", "01/03/2027", "H7")]
    [InlineData("28/02/2026", "28/02/2027", "G7")]
    public void CoverageMayEndOnTheAgreementsLastDayButNotAfter(string start, string end, string? cell)
    {
        var outcome = Validate(Worker(start: start, end: end));

        if (cell is null)
        {
            Assert.True(outcome.IsAccepted);
        }
        else
        {
            Assert.Equal(cell, Only(outcome, FindingCode.PeriodOutsideAgreement).Cell);
        }
    }

    [Fact]
    public void RepeatedNikInTheFileIsRejectedNamingTheFirstRow()
    {
        var outcome = Validate(Worker(row: 15, duplicateOf: 8));

        var finding = Only(outcome, FindingCode.DuplicateInFile);
        Assert.Equal("A15", finding.Cell);
        Assert.Contains("baris 8", finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void OverlappingCoverageUnderAnotherAgreementIsRejectedNamingIt()
    {
        var earlier = new CoverageRecord(Man, "5204", "PKS/001/DESA/2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

        var outcome = Validate(Worker(), [earlier]);

        var finding = Only(outcome, FindingCode.DuplicateCoverage);
        Assert.Contains("PKS/001/DESA/2026", finding.Text());
        Assert.False(outcome.IsAccepted);
    }

    [Fact]
    public void CoverageUnderAnotherAgreementThatEndedTheDayBeforeIsNoOverlap()
    {
        var earlier = new CoverageRecord(Man, "5204", "PKS/001/DESA/2025", new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28));

        Assert.True(Validate(Worker(), [earlier]).IsAccepted);
    }

    [Fact]
    public void SameNikUnderTheSameAgreementIsAnUpdateNotADuplicate()
    {
        var earlier = new CoverageRecord(Man, "5204", Pks, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28));

        Assert.True(Validate(Worker(), [earlier]).IsAccepted);
    }

    [Fact]
    public void SameAgreementNumberFromAnotherRegionIsADuplicate()
    {
        var earlier = new CoverageRecord(Man, "5316", Pks, new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28));

        Assert.Contains("5316", Only(Validate(Worker(), [earlier]), FindingCode.DuplicateCoverage).Text());
    }

    [Fact]
    public void BlankNameIsRequiredAtItsOwnCell()
    {
        var outcome = Validate(Worker(name: null));

        var finding = Only(outcome, FindingCode.Required);
        Assert.Equal("B7", finding.Cell);
        Assert.Equal(FieldNames.FullName, finding.Field);
    }

    [Fact]
    public void UnreadablePhoneIsAWarningAndTheRowIsStoredWithoutIt()
    {
        var outcome = Validate(Worker(phone: "0370-21234"));

        Assert.Equal(Severity.Warning, Only(outcome, FindingCode.PhoneFormat).Severity);
        Assert.Null(outcome.Accepted!.Phone);
    }

    [Fact]
    public void CombinedPlaceAndDateOfBirthColumnIsSplit()
    {
        var sheet = StagedSheet.Enrolments("NIK", "Nama", "Tempat/Tgl Lahir", "Nomor PKS");

        var outcome = Validate(sheet.Row(5, Man, "Budi", "Sumbawa Besar, 12-03-1990", Pks), sheet: sheet);

        Assert.Equal("Sumbawa Besar", outcome.Accepted!.BirthPlace);
        Assert.Equal(new DateOnly(1990, 3, 12), outcome.Accepted.BirthDate);
    }

    [Fact]
    public void BlankCombinedBirthColumnIsRequiredThere()
    {
        var sheet = StagedSheet.Enrolments("NIK", "Nama", "Tempat/Tgl Lahir", "Nomor PKS");

        var outcome = Validate(sheet.Row(5, Man, "Budi", null, Pks), sheet: sheet);

        Assert.Equal("C5", Only(outcome, FindingCode.Required).Cell);
    }

    [Fact]
    public void EveryErrorOfARowIsReportedNotOnlyTheFirst()
    {
        var outcome = Validate(Worker("123", name: null, birth: "kemarin", occupation: "Astronot"));

        Assert.Equal(
            [FindingCode.DateFormat, FindingCode.NikFormat, FindingCode.OccupationUnknown, FindingCode.Required],
            outcome.Findings.Select(f => f.Code).Order().ToArray());
    }

    [Fact]
    public void MessagesComeInEnglishOnRequest()
    {
        var context = Sheet.Context();
        var outcome = new EnrolmentValidator(context, [Sumbawa]).Validate(Worker(agreement: "PKS/999"), []);

        Assert.StartsWith("Agreement \"PKS/999\" is not registered", Only(outcome, FindingCode.AgreementUnknown).Text(Language.En));
    }
}
