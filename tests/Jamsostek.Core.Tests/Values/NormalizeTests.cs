using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class NormalizeTests
{
    [Theory]
    [InlineData("Non-ASN", "nonasn")]
    [InlineData("non asn", "nonasn")]
    [InlineData("NON_ASN", "nonasn")]
    [InlineData("RT/RW", "rtrw")]
    [InlineData("  Petani / Pekebun ", "petanipekebun")]
    [InlineData("Jum'at", "jumat")]
    [InlineData("Laki2", "laki2")]
    [InlineData("-/.", "")]
    public void KeyKeepsOnlyLowercaseLettersAndDigits(string text, string expected)
    {
        Assert.Equal(expected, Normalize.Key(text));
    }

    [Fact]
    public void KeyReturnsTheSameStringWhenItAlreadyIsAKey()
    {
        var text = "petani";

        Assert.Same(text, Normalize.Key(text));
    }

    [Fact]
    public void KeyIntoASpanWritesTheSameKeyAsTheStringForm()
    {
        Span<char> buffer = stackalloc char[16];

        var length = Normalize.Key("Kader Posyandu", buffer);

        Assert.Equal("kaderposyandu", buffer[..length].ToString());
    }

    [Theory]
    [InlineData("  Perbup  No. 33\nTahun\t2024 ", "Perbup No. 33 Tahun 2024")]
    [InlineData("a\u00A0\u00A0b", "a b")]
    [InlineData("   ", "")]
    public void WhitespaceIsTrimmedAndCollapsedToSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, Normalize.Whitespace(text));
    }

    [Fact]
    public void WhitespaceReturnsTheSameStringWhenNothingChanges()
    {
        var text = "Perbup No. 33 Tahun 2024";

        Assert.Same(text, Normalize.Whitespace(text));
    }
}
