using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class WholeNumberTests
{
    [Theory]
    [InlineData("5.600", 5600)]
    [InlineData("5600", 5600)]
    [InlineData("5,600", 5600)]
    [InlineData("5 600", 5600)]
    [InlineData("5.600 orang", 5600)]
    [InlineData("5600 peserta", 5600)]
    [InlineData("5.600,00", 5600)]
    [InlineData("1.250.000", 1250000)]
    [InlineData(" 12 ", 12)]
    [InlineData("0", 0)]
    public void TargetsAsOfficesTypeThemReadAsWholeNumbers(string text, int expected)
    {
        var parsed = WholeNumber.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public void AnIntegralNumberCellIsTakenAsIs()
    {
        Assert.Equal(5600, WholeNumber.Parse(5600d).Value);
    }

    [Theory]
    [InlineData("5,6")]
    [InlineData("5.6")]
    [InlineData("5,6000")]
    [InlineData("-5")]
    [InlineData("lima")]
    [InlineData("5.600 kg")]
    [InlineData("3.000.000.000")]
    public void FractionsNegativesAndGarbageAreAmountFormatErrors(string text)
    {
        Assert.Equal(FindingCode.AmountFormat, WholeNumber.Parse(text).ErrorCode);
    }

    [Theory]
    [InlineData(5600.5)]
    [InlineData(-1)]
    [InlineData(3e9)]
    [InlineData(double.PositiveInfinity)]
    public void NumberCellsThatAreNotWholeOrFitNoIntAreAmountFormatErrors(double number)
    {
        Assert.Equal(FindingCode.AmountFormat, WholeNumber.Parse(number).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    public void BlankOrADashIsEmpty(string? text)
    {
        Assert.True(WholeNumber.Parse(text).IsEmpty);
    }
}
