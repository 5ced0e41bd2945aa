using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Tests.Exports;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://contoh.id\",\"klik\")")]
    [InlineData("+62 812 3456 789")]
    [InlineData("-")]
    [InlineData("-5")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+2")]
    [InlineData("\r=1+2")]
    [InlineData(" =1+2")]
    [InlineData("   @SUM(A1:A9)")]
    [InlineData("\u00A0-2+3")]
    [InlineData("\uFF1D1+2")]
    [InlineData("\uFF0B62 812")]
    [InlineData("\uFF0D5")]
    [InlineData("\uFF20SUM(A1)")]
    [InlineData("\u3000\uFF1DA1")]
    public void TextStartingWithAFormulaCharacterGetsALeadingApostrophe(string text)
    {
        Assert.True(FormulaGuard.NeedsPrefix(text));
        Assert.Equal("'" + text, FormulaGuard.Neutralize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Budi Santoso")]
    [InlineData("5204011203900001")]
    [InlineData("   ")]
    [InlineData(" Budi")]
    [InlineData("'=1+2")]
    [InlineData("1-2")]
    [InlineData("\n=1+2")]
    public void OtherTextIsReturnedAsTheSameInstance(string text)
    {
        Assert.False(FormulaGuard.NeedsPrefix(text));
        Assert.Same(text, FormulaGuard.Neutralize(text));
    }
}
