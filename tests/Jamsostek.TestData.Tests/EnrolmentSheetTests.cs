using System.Text.RegularExpressions;

namespace Jamsostek.TestData.Tests;

public sealed class EnrolmentSheetTests
{
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly End = new(2026, 2, 28);

    [Fact]
    public void RowsFollowTheHeaderWithTypedRealisticValues()
    {
        var occupations = new HashSet<string> { "Petani", "Nelayan", "Tukang Ojek", "Buruh Harian Lepas", "Pedagang", "Peternak", "Honorer", "Kader Posyandu" };
        var rows = EnrolmentSheet.Rows(2_000, "5318", "PKS/12/SBD/2025", Start, End, seed: 3).ToList();

        Assert.Equal(15, EnrolmentSheet.Header.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(EnrolmentSheet.Header.Count, row.Length);
            Assert.Equal(i + 1, row[EnrolmentSheet.Columns.No]);
            var born = Assert.IsType<DateOnly>(row[EnrolmentSheet.Columns.BirthDate]);
            var age = Start.Year - born.Year - (Start < born.AddYears(Start.Year - born.Year) ? 1 : 0);
            Assert.InRange(age, 18, 60);
            Assert.Contains(row[EnrolmentSheet.Columns.Gender], new[] { "L", "P" });
            Assert.Matches(@"^08\d{2}-\d{4}-\d{4}$", (string)row[EnrolmentSheet.Columns.Phone]!);
            Assert.Contains((string)row[EnrolmentSheet.Columns.Occupation]!, occupations);
            Assert.Equal("PKS/12/SBD/2025", row[EnrolmentSheet.Columns.AgreementNo]);
            Assert.Equal(Start, row[EnrolmentSheet.Columns.CoverageStart]);
            Assert.Equal(End, row[EnrolmentSheet.Columns.CoverageEnd]);
            var income = Assert.IsType<long>(row[EnrolmentSheet.Columns.Income]);
            Assert.Equal(0, income % 50_000);
            Assert.InRange(income, 300_000, 4_000_000);
            Assert.Matches(@"^[A-Za-z][A-Za-z .']+$", (string)row[EnrolmentSheet.Columns.FullName]!);
            var district = Regencies.SumbaBaratDaya.Districts.Single(d => d.Name == (string)row[EnrolmentSheet.Columns.District]!);
            Assert.Contains((string)row[EnrolmentSheet.Columns.Village]!, district.Villages);
        }

        Assert.Equal(occupations, rows.Select(r => (string)r[EnrolmentSheet.Columns.Occupation]!).ToHashSet());
    }

    [Fact]
    public void TheSameSeedGivesTheSameSheetAndAnotherSeedAnotherOne()
    {
        var a = EnrolmentSheet.Rows(100, "5204", "PKS/1", Start, End, seed: 11).ToList();
        var b = EnrolmentSheet.Rows(100, "5204", "PKS/1", Start, End, seed: 11).ToList();
        var c = EnrolmentSheet.Rows(100, "5204", "PKS/1", Start, End, seed: 12).ToList();

        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i], b[i]);
        }

        Assert.NotEqual(a.Select(r => r[1]), c.Select(r => r[1]));
    }

    [Fact]
    public void WithTitlePutsTitleLinesAndABlankRowAboveTheHeader()
    {
        var title = EnrolmentSheet.Title("52.04", 2025);
        var rows = EnrolmentSheet.WithTitle(EnrolmentSheet.WithHeader(EnrolmentSheet.Rows(2, "5204", "PKS/1", Start, End)), title, "Kantor Cabang Sumbawa").ToList();

        Assert.Equal("DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025", title);
        Assert.Equal([title], rows[0]);
        Assert.Equal(["Kantor Cabang Sumbawa"], rows[1]);
        Assert.Empty(rows[2]);
        Assert.Equal(EnrolmentSheet.Header, rows[3].Cast<string>());
        Assert.Equal(6, rows.Count);
        Assert.Equal(["A1:O1", "A2:O2"], EnrolmentSheet.TitleMerges(2));
    }

    [Fact]
    public void RowsAreProducedLazily()
    {
        var rows = EnrolmentSheet.Rows(int.MaxValue, "8105", "PKS/1", Start, End);

        Assert.Equal(3, rows.Take(3).Count());
    }

    [Fact]
    public void AnAgreementRowFollowsTheAgreementHeaderAndFillsRegionDefaults()
    {
        var row = AgreementSheet.Row(
            agreementNo: "PKS/001/BPJS-SBW/2025",
            regionCode: "5204",
            signedOn: new DateOnly(2024, 12, 20),
            coverageStart: new DateOnly(2025, 1, 1),
            coverageEnd: new DateOnly(2025, 12, 31),
            budget: "Rp 1.500.000.000",
            targetParticipants: 5_600,
            monthlyContribution: 16_800,
            legalBasis: "Perbup No. 33 Tahun 2024");

        Assert.Equal(16, AgreementSheet.Header.Count);
        Assert.Equal(AgreementSheet.Header.Count, row.Length);
        Assert.Equal("PKS", row[1]);
        Assert.Equal("Kabupaten Sumbawa", row[3]);
        Assert.Equal("Sumbawa", row[4]);
        Assert.Equal("APBD", row[8]);
        Assert.Equal("Rp 1.500.000.000", row[9]);
        Assert.Equal(5_600, row[10]);
        Assert.Null(row[11]);
        Assert.Equal("JKK, JKM", row[13]);
        Assert.Equal("Perbup No. 33 Tahun 2024", row[15]);
    }

    [Fact]
    public void NamesFollowTheNamingTraditionOfTheRegion()
    {
        static IEnumerable<string> Names(string code) => EnrolmentSheet.Rows(300, code, "PKS/1", Start, End)
            .Select(r => ((string)r[EnrolmentSheet.Columns.FullName]!).ToUpperInvariant());

        Assert.Contains(Names("8105"), n => Regex.IsMatch(n, @"\bRUM[A-Z]+|KELIAN|KILWARANY|TUASIKAL"));
        Assert.Contains(Names("5318"), n => Regex.IsMatch(n, @"\b(LENDE|KAKA|NGONGO|BILI|DAPA)\b"));
        Assert.Contains(Names("5204"), n => n.StartsWith("MUHAMMAD") || n.StartsWith("SITI"));
    }
}
