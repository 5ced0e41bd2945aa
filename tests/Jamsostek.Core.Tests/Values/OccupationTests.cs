using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class OccupationTests
{
    [Theory]
    [InlineData("Petani/Pekebun", Occupation.Petani)]
    [InlineData("PETANI / PEKEBUN", Occupation.Petani)]
    [InlineData("Petani Penggarap", Occupation.Petani)]
    [InlineData("Tani", Occupation.Petani)]
    [InlineData("Pekebun", Occupation.Pekebun)]
    [InlineData("Peternak", Occupation.Peternak)]
    [InlineData("Nelayan", Occupation.Nelayan)]
    [InlineData("Nelayan Tradisional", Occupation.Nelayan)]
    [InlineData("Tukang Ojek", Occupation.Ojek)]
    [InlineData("Ojek", Occupation.Ojek)]
    [InlineData("Ojol", Occupation.Ojek)]
    [InlineData("Ojek Online", Occupation.Ojek)]
    [InlineData("Pengemudi Ojek", Occupation.Ojek)]
    [InlineData("BHL", Occupation.BuruhHarianLepas)]
    [InlineData("Buruh Harian Lepas", Occupation.BuruhHarianLepas)]
    [InlineData("Buruh Harian", Occupation.BuruhHarianLepas)]
    [InlineData("Buruh Tani", Occupation.BuruhHarianLepas)]
    [InlineData("Buruh Bangunan", Occupation.BuruhBangunan)]
    [InlineData("Tukang Bangunan", Occupation.BuruhBangunan)]
    [InlineData("Kuli Bangunan", Occupation.BuruhBangunan)]
    [InlineData("Pedagang", Occupation.Pedagang)]
    [InlineData("Pedagang Kaki Lima", Occupation.Pedagang)]
    [InlineData("PKL", Occupation.Pedagang)]
    [InlineData("Pedagang Pasar", Occupation.Pedagang)]
    [InlineData("UMKM", Occupation.Umkm)]
    [InlineData("Pelaku UMKM", Occupation.Umkm)]
    [InlineData("Usaha Mikro", Occupation.Umkm)]
    [InlineData("Marbot", Occupation.PekerjaKeagamaan)]
    [InlineData("Guru Ngaji", Occupation.PekerjaKeagamaan)]
    [InlineData("Pekerja Keagamaan", Occupation.PekerjaKeagamaan)]
    [InlineData("Imam Masjid", Occupation.PekerjaKeagamaan)]
    [InlineData("Pendeta", Occupation.PekerjaKeagamaan)]
    [InlineData("Honorer", Occupation.NonAsn)]
    [InlineData("Tenaga Honorer", Occupation.NonAsn)]
    [InlineData("Tenaga Kontrak", Occupation.NonAsn)]
    [InlineData("PTT", Occupation.NonAsn)]
    [InlineData("Non ASN", Occupation.NonAsn)]
    [InlineData("Non-ASN", Occupation.NonAsn)]
    [InlineData("PPNPN", Occupation.NonAsn)]
    [InlineData("RT", Occupation.RtRw)]
    [InlineData("RW", Occupation.RtRw)]
    [InlineData("Ketua RT", Occupation.RtRw)]
    [InlineData("Ketua RW", Occupation.RtRw)]
    [InlineData("RT/RW", Occupation.RtRw)]
    [InlineData("BPD", Occupation.Bpd)]
    [InlineData("Anggota BPD", Occupation.Bpd)]
    [InlineData("Linmas", Occupation.Linmas)]
    [InlineData("Hansip", Occupation.Linmas)]
    [InlineData("Kader Posyandu", Occupation.KaderPosyandu)]
    [InlineData("Kader", Occupation.KaderPosyandu)]
    [InlineData("LPM", Occupation.Lpm)]
    [InlineData("Perangkat Desa", Occupation.PerangkatDesa)]
    [InlineData("Kepala Dusun", Occupation.PerangkatDesa)]
    [InlineData("Kadus", Occupation.PerangkatDesa)]
    [InlineData("Sekdes", Occupation.PerangkatDesa)]
    [InlineData("Kaur", Occupation.PerangkatDesa)]
    [InlineData("Lainnya", Occupation.Lainnya)]
    [InlineData("Lain-lain", Occupation.Lainnya)]
    public void OfficeSpellingsMapToTheirCanonicalCategory(string text, string expected)
    {
        var parsed = Occupation.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public void EveryCanonicalCodeReadsAsItself()
    {
        Assert.Equal(18, Occupation.Categories.Count);
        foreach (var category in Occupation.Categories)
        {
            Assert.Equal(category, Occupation.Parse(category).Value);
        }
    }

    [Fact]
    public void AnUnknownOccupationIsAnOccupationUnknownErrorNamingTheClosestCategory()
    {
        var parsed = Occupation.Parse("Petanii");

        Assert.Equal(FindingCode.OccupationUnknown, parsed.ErrorCode);
        Assert.Contains(Occupation.Petani, parsed.Problem);
    }

    [Theory]
    [InlineData("Petanii", Occupation.Petani)]
    [InlineData("petni", Occupation.Petani)]
    [InlineData("nelyan", Occupation.Nelayan)]
    [InlineData("Nelayna", Occupation.Nelayan)]
    [InlineData("Tukang Ojeg", Occupation.Ojek)]
    [InlineData("Buruh Harian Lpas", Occupation.BuruhHarianLepas)]
    [InlineData("Perangkat Dsa", Occupation.PerangkatDesa)]
    [InlineData("Kader Posyandu Melati", Occupation.KaderPosyandu)]
    [InlineData("Petani Kopi", Occupation.Petani)]
    public void SuggestFindsTheClosestCategoryForATypoOrAQualifiedSpelling(string text, string expected)
    {
        Assert.Equal(expected, Occupation.Suggest(text));
    }

    [Theory]
    [InlineData("Dokter")]
    [InlineData("xyz")]
    [InlineData("---")]
    public void SuggestGivesNothingWhenNoSpellingIsClose(string text)
    {
        Assert.Null(Occupation.Suggest(text));
    }

    [Theory]
    [InlineData(Occupation.NonAsn, Segment.NonAsn)]
    [InlineData(Occupation.RtRw, Segment.PerangkatDesa)]
    [InlineData(Occupation.Bpd, Segment.PerangkatDesa)]
    [InlineData(Occupation.Linmas, Segment.PerangkatDesa)]
    [InlineData(Occupation.KaderPosyandu, Segment.PerangkatDesa)]
    [InlineData(Occupation.Lpm, Segment.PerangkatDesa)]
    [InlineData(Occupation.PerangkatDesa, Segment.PerangkatDesa)]
    [InlineData(Occupation.Petani, Segment.PekerjaRentan)]
    [InlineData(Occupation.Pekebun, Segment.PekerjaRentan)]
    [InlineData(Occupation.Peternak, Segment.PekerjaRentan)]
    [InlineData(Occupation.Nelayan, Segment.PekerjaRentan)]
    [InlineData(Occupation.Ojek, Segment.PekerjaRentan)]
    [InlineData(Occupation.BuruhHarianLepas, Segment.PekerjaRentan)]
    [InlineData(Occupation.BuruhBangunan, Segment.PekerjaRentan)]
    [InlineData(Occupation.Pedagang, Segment.PekerjaRentan)]
    [InlineData(Occupation.Umkm, Segment.PekerjaRentan)]
    [InlineData(Occupation.PekerjaKeagamaan, Segment.PekerjaRentan)]
    [InlineData(Occupation.Lainnya, Segment.PekerjaRentan)]
    public void EachCategoryImpliesItsDefaultSegment(string category, string expected)
    {
        Assert.Equal(expected, Occupation.DefaultSegment(category));
    }

    [Fact]
    public void DefaultSegmentRefusesTextThatIsNotACategory()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Occupation.DefaultSegment("Petani/Pekebun"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABlankOccupationIsEmpty(string? text)
    {
        Assert.True(Occupation.Parse(text).IsEmpty);
    }

    [Fact]
    public void ANumberCellIsAnOccupationUnknownError()
    {
        Assert.Equal(FindingCode.OccupationUnknown, Occupation.Parse(3d).ErrorCode);
    }
}
