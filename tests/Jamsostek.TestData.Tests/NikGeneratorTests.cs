namespace Jamsostek.TestData.Tests;

public sealed class NikGeneratorTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public void ANikIsRegencyDistrictBirthDateAndSequence()
    {
        Assert.Equal("5204011708850001", NikGenerator.Create("5204", new DateOnly(1985, 8, 17), female: false, sequence: 1));
        Assert.Equal("5318125708850123", NikGenerator.Create("53.18", new DateOnly(1985, 8, 17), female: true, sequence: 123, district: 12));
        Assert.Equal("8105204101009999", NikGenerator.Create("8105", new DateOnly(2000, 1, 1), female: true, sequence: 9999, district: 20));
    }

    [Fact]
    public void OutOfRangePartsAreRefused()
    {
        var born = new DateOnly(1990, 1, 1);
        Assert.Throws<ArgumentException>(() => NikGenerator.Create("520", born, false, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NikGenerator.Create("5204", born, false, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NikGenerator.Create("5204", born, false, 10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => NikGenerator.Create("5204", born, false, 1, district: 0));
    }

    [Fact]
    public void ASeededGeneratorRepeatsItselfAndNeverIssuesTheSameNikTwice()
    {
        var a = new NikGenerator(9);
        var b = new NikGenerator(9);
        var born = new DateOnly(1990, 5, 5);

        var first = Enumerable.Range(0, 500).Select(_ => a.Next("5204", born, female: true)).ToList();
        var second = Enumerable.Range(0, 500).Select(_ => b.Next("5204", born, female: true)).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void TenThousandEnrolmentRowsHaveUniqueWellFormedNiksThatAgreeWithTheirRows()
    {
        var rows = EnrolmentSheet.Rows(10_000, "5204", "PKS/001/2025", Start, End, seed: 5).ToList();
        var regency = Regencies.Get("5204");

        Assert.Equal(10_000, rows.Select(r => (string)r[EnrolmentSheet.Columns.Nik]!).Distinct().Count());
        Assert.Contains(rows, r => (string)r[EnrolmentSheet.Columns.Gender]! == "P");
        Assert.Contains(rows, r => (string)r[EnrolmentSheet.Columns.Gender]! == "L");
        foreach (var row in rows)
        {
            var nik = Assert.IsType<string>(row[EnrolmentSheet.Columns.Nik]);
            var birthDate = Assert.IsType<DateOnly>(row[EnrolmentSheet.Columns.BirthDate]);
            var female = (string)row[EnrolmentSheet.Columns.Gender]! == "P";

            Assert.Matches("^[0-9]{16}$", nik);
            Assert.StartsWith("5204", nik);
            var day = int.Parse(nik.Substring(6, 2));
            Assert.Equal(birthDate.Day + (female ? 40 : 0), day);
            Assert.Equal(birthDate.ToString("MMyy"), nik.Substring(8, 4));
            Assert.InRange(int.Parse(nik.Substring(12, 4)), 1, 9999);
            var district = int.Parse(nik.Substring(4, 2));
            Assert.Equal(regency.Districts[district - 1].Name, row[EnrolmentSheet.Columns.District]);

            Assert.True(NikGenerator.TryDecode(nik, out var decoded, out var decodedFemale, latestYear: 2025));
            Assert.Equal(birthDate, decoded);
            Assert.Equal(female, decodedFemale);
        }
    }

    [Fact]
    public void WomensNiksCarryTheDayPlusForty()
    {
        var nik = NikGenerator.Create("5316", new DateOnly(1979, 12, 31), female: true, sequence: 2, district: 3);

        Assert.Equal("71", nik.Substring(6, 2));
        Assert.True(NikGenerator.TryDecode(nik, out var born, out var female));
        Assert.True(female);
        Assert.Equal(new DateOnly(1979, 12, 31), born);
    }

    [Fact]
    public void AnImpossibleBirthDateDoesNotDecode()
    {
        Assert.False(NikGenerator.TryDecode("5204013102900001", out _, out _)); // 31 February
        Assert.False(NikGenerator.TryDecode("5204017213900001", out _, out _)); // women's 32nd, month 13
        Assert.False(NikGenerator.TryDecode("520401310290000", out _, out _)); // 15 digits
    }
}
