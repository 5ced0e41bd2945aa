using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class KpjTests
{
    [Theory]
    [InlineData("12345678901")]
    [InlineData("123 4567 8901")]
    [InlineData("123.4567.8901")]
    [InlineData("'12345678901")]
    public void ElevenDigitsReadAsTheKpjNumber(string text)
    {
        Assert.Equal("12345678901", Kpj.Parse(text).Value);
    }

    [Fact]
    public void ANumberCellKeepsAllElevenDigits()
    {
        Assert.Equal("12345678901", Kpj.Parse(12345678901d).Value);
    }

    [Theory]
    [InlineData("1234567890", "10 digits")]
    [InlineData("123456789012", "12 digits")]
    public void OtherDigitCountsAreKpjFormatErrorsSayingHowMany(string text, string count)
    {
        var parsed = Kpj.Parse(text);

        Assert.Equal(ValueCodes.KpjFormat, parsed.ErrorCode);
        Assert.Contains(count, parsed.Problem);
    }

    [Theory]
    [InlineData("KPJ12345678901")]
    [InlineData(1234567890.5)]
    public void LettersAndFractionsAreKpjFormatErrors(object cell)
    {
        Assert.Equal(ValueCodes.KpjFormat, Kpj.Parse(cell).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ABlankKpjIsEmpty(string? text)
    {
        Assert.True(Kpj.Parse(text).IsEmpty);
    }
}
