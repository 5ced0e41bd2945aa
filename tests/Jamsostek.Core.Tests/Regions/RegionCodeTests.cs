using Jamsostek.Core.Regions;

namespace Jamsostek.Core.Tests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("5204")]
    [InlineData("52.04")]
    public void PlainAndDottedFormsParseToTheSameFourDigitValue(string text)
    {
        var region = RegionCode.Parse(text);

        Assert.Equal("5204", region.Value);
    }

    [Fact]
    public void PlainAndDottedFormsAreEqualRegions()
    {
        Assert.Equal(RegionCode.Parse("5204"), RegionCode.Parse("52.04"));
    }

    [Fact]
    public void DifferentCodesAreDifferentRegions()
    {
        Assert.NotEqual(RegionCode.Parse("5204"), RegionCode.Parse("5205"));
    }

    [Theory]
    [InlineData("5204")]
    [InlineData("52.04")]
    public void ProvinceCodeIsTheFirstTwoDigits(string text)
    {
        Assert.Equal("52", RegionCode.Parse(text).ProvinceCode);
    }

    [Theory]
    [InlineData(" 5204")]
    [InlineData("5204 ")]
    [InlineData("\t52.04\r\n")]
    public void SurroundingWhitespaceIsTrimmed(string text)
    {
        Assert.True(RegionCode.TryParse(text, out var region));
        Assert.Equal("5204", region.Value.Value);
    }

    [Fact]
    public void ToStringGivesTheFourDigitValue()
    {
        Assert.Equal("5204", RegionCode.Parse("52.04").ToString());
    }

    [Theory]
    [InlineData("520")]
    [InlineData("52045")]
    [InlineData("5.204")]
    [InlineData("520.4")]
    [InlineData("52..04")]
    [InlineData("52.04.")]
    [InlineData(".5204")]
    [InlineData("0204")]
    [InlineData("02.04")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcd")]
    [InlineData("52-04")]
    [InlineData("52 04")]
    [InlineData("５２０４")]
    public void MalformedCodesAreRejected(string text)
    {
        Assert.False(RegionCode.TryParse(text, out var region));
        Assert.Null(region);
    }

    [Theory]
    [InlineData("520")]
    [InlineData("52045")]
    [InlineData("5.204")]
    [InlineData("52..04")]
    [InlineData("0204")]
    [InlineData("")]
    [InlineData("abcd")]
    [InlineData("52-04")]
    public void ParseThrowsFormatExceptionOnMalformedCodes(string text)
    {
        Assert.Throws<FormatException>(() => RegionCode.Parse(text));
    }
}
