using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class NppTests
{
    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("12.345.678", "12345678")]
    [InlineData(" 1234 5678 ", "12345678")]
    [InlineData("'01234567", "01234567")]
    [InlineData("01-234-567", "01234567")]
    public void AnNppIsItsEightDigitsWhateverTheOfficeTypedBetweenThem(string typed, string npp)
    {
        var parsed = Npp.Parse(typed);

        Assert.True(parsed.IsOk);
        Assert.Equal(npp, parsed.Value);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("NPP12345678")]
    public void AnythingElseIsNppFormat(string typed)
    {
        Assert.Equal(FindingCode.NppFormat, Npp.Parse(typed).ErrorCode);
    }

    [Fact]
    public void BlankIsEmptyNotAnError()
    {
        Assert.True(Npp.Parse("  ").IsEmpty);
        Assert.True(Npp.Parse(null).IsEmpty);
    }
}
