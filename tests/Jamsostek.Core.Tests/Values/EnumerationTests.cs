using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class EnumerationTests
{
    [Theory]
    [InlineData("L")]
    [InlineData("l")]
    [InlineData("Laki-laki")]
    [InlineData("LAKI-LAKI")]
    [InlineData("Laki Laki")]
    [InlineData("laki2")]
    [InlineData("Lk")]
    [InlineData("Lk.")]
    [InlineData("Pria")]
    [InlineData("M")]
    [InlineData(" male ")]
    public void MaleSpellingsReadAsMale(string text)
    {
        Assert.Equal(ParsedValue<Gender>.Ok(Gender.Male), GenderValue.Parse(text));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("Perempuan")]
    [InlineData("PEREMPUAN")]
    [InlineData("Pr")]
    [InlineData("Wanita")]
    [InlineData("W")]
    [InlineData("F")]
    [InlineData("Female")]
    public void FemaleSpellingsReadAsFemale(string text)
    {
        Assert.Equal(ParsedValue<Gender>.Ok(Gender.Female), GenderValue.Parse(text));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("Laki-laki/Perempuan")]
    [InlineData(1d)]
    [InlineData(true)]
    public void UnknownGendersAreGenderFormatErrors(object cell)
    {
        Assert.Equal(ValueCodes.GenderFormat, GenderValue.Parse(cell).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABlankGenderIsEmpty(string? text)
    {
        Assert.True(GenderValue.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("Pekerja Rentan", Segment.PekerjaRentan)]
    [InlineData("pekerja_rentan", Segment.PekerjaRentan)]
    [InlineData("Rentan", Segment.PekerjaRentan)]
    [InlineData("BPU Rentan", Segment.PekerjaRentan)]
    [InlineData("Non ASN", Segment.NonAsn)]
    [InlineData("NON-ASN", Segment.NonAsn)]
    [InlineData("Honorer", Segment.NonAsn)]
    [InlineData("Perangkat Desa", Segment.PerangkatDesa)]
    [InlineData("Aparat Desa", Segment.PerangkatDesa)]
    public void SegmentSpellingsReadAsTheirCode(string text, string expected)
    {
        Assert.Equal(expected, Segment.Parse(text).Value);
    }

    [Fact]
    public void AnUnknownSegmentIsASegmentUnknownError()
    {
        Assert.Equal(ValueCodes.SegmentUnknown, Segment.Parse("Pegawai Negeri").ErrorCode);
    }

    [Theory]
    [InlineData("JKK", Programs.JKK)]
    [InlineData(" jkm ", Programs.JKM)]
    [InlineData("JKK, JKM", Programs.JKK | Programs.JKM)]
    [InlineData("JKK+JKM", Programs.JKK | Programs.JKM)]
    [InlineData("JKK/JKM/JHT", Programs.JKK | Programs.JKM | Programs.JHT)]
    [InlineData("JKK; JKM; JHT", Programs.JKK | Programs.JKM | Programs.JHT)]
    [InlineData("JKK & JKM", Programs.JKK | Programs.JKM)]
    [InlineData("jkk dan jkm", Programs.JKK | Programs.JKM)]
    [InlineData("JKK, JKM dan JHT", Programs.JKK | Programs.JKM | Programs.JHT)]
    [InlineData("Jaminan Kecelakaan Kerja", Programs.JKK)]
    [InlineData("Jaminan Kematian", Programs.JKM)]
    [InlineData("Jaminan Hari Tua", Programs.JHT)]
    [InlineData("Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)", Programs.JKK | Programs.JKM)]
    [InlineData("Program JKK, JKK", Programs.JKK)]
    public void ProgramListsReadAsTheirSet(string text, Programs expected)
    {
        var parsed = ProgramSet.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("JKN")]
    [InlineData("JKK, JKP")]
    [InlineData("dan")]
    [InlineData("Jaminan")]
    public void UnknownProgramsAreProgramUnknownErrors(string text)
    {
        Assert.Equal(ValueCodes.ProgramUnknown, ProgramSet.Parse(text).ErrorCode);
    }

    [Theory]
    [InlineData(Programs.JKK | Programs.JKM | Programs.JHT, "JKK, JKM, JHT")]
    [InlineData(Programs.JHT | Programs.JKK, "JKK, JHT")]
    [InlineData(Programs.JKM, "JKM")]
    [InlineData(Programs.None, "")]
    public void AProgramSetFormatsInTheFixedOrder(Programs programs, string expected)
    {
        Assert.Equal(expected, ProgramSet.Format(programs));
    }

    [Fact]
    public void AFormattedProgramSetReadsBackAsTheSameSet()
    {
        var all = Programs.JKK | Programs.JKM | Programs.JHT;

        Assert.Equal(all, ProgramSet.Parse(ProgramSet.Format(all)).Value);
    }

    [Theory]
    [InlineData("MoU", AgreementType.MoU)]
    [InlineData("MOU", AgreementType.MoU)]
    [InlineData("Nota Kesepahaman", AgreementType.MoU)]
    [InlineData("PKS", AgreementType.PKS)]
    [InlineData("Perjanjian Kerja Sama", AgreementType.PKS)]
    [InlineData("Perjanjian Kerjasama", AgreementType.PKS)]
    public void AgreementTypeSpellingsReadAsMouOrPks(string text, AgreementType expected)
    {
        Assert.Equal(expected, AgreementTypeValue.Parse(text).Value);
    }

    [Fact]
    public void AnUnknownAgreementTypeIsAnAgreementTypeUnknownError()
    {
        Assert.Equal(ValueCodes.AgreementTypeUnknown, AgreementTypeValue.Parse("Surat Edaran").ErrorCode);
    }

    [Theory]
    [InlineData("APBD", FundingSource.APBD)]
    [InlineData("APBD Kabupaten", FundingSource.APBD)]
    [InlineData("APBDes", FundingSource.APBDes)]
    [InlineData("APBDesa", FundingSource.APBDes)]
    [InlineData("Dana Desa", FundingSource.APBDes)]
    [InlineData("APBN", FundingSource.APBN)]
    [InlineData("CSR", FundingSource.CSR)]
    [InlineData("Mandiri", FundingSource.Mandiri)]
    public void FundingSourceSpellingsReadAsTheirSource(string text, FundingSource expected)
    {
        Assert.Equal(expected, FundingSourceValue.Parse(text).Value);
    }

    [Fact]
    public void AnUnknownFundingSourceIsAFundingSourceUnknownError()
    {
        Assert.Equal(ValueCodes.FundingSourceUnknown, FundingSourceValue.Parse("Hibah").ErrorCode);
    }
}
