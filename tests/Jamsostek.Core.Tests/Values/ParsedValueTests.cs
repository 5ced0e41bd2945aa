using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class ParsedValueTests
{
    [Fact]
    public void TheDefaultValueIsEmptyNotOk()
    {
        var value = default(ParsedValue<int>);

        Assert.True(value.IsEmpty);
        Assert.False(value.IsOk);
        Assert.False(value.IsError);
        Assert.Equal(ParsedValue<int>.Empty, value);
    }

    [Fact]
    public void AnOkZeroIsOkAndNotEmpty()
    {
        var value = ParsedValue<int>.Ok(0);

        Assert.True(value.IsOk);
        Assert.False(value.IsEmpty);
        Assert.NotEqual(ParsedValue<int>.Empty, value);
    }

    [Fact]
    public void AFailureCarriesItsCodeAndProblemAndNoValue()
    {
        var value = ParsedValue<string>.Fail("DATE_FORMAT", "Not a date.");

        Assert.True(value.IsError);
        Assert.False(value.IsOk);
        Assert.False(value.IsEmpty);
        Assert.Equal("DATE_FORMAT", value.ErrorCode);
        Assert.Equal("Not a date.", value.Problem);
        Assert.Null(value.Value);
    }

    [Fact]
    public void AnOkReferenceValueIsReadableWithoutANullCheck()
    {
        var value = ParsedValue<string>.Ok("petani");

        Assert.True(value.IsOk);
        Assert.Equal(6, value.Value.Length);
    }
}
