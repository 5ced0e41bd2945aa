using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class TextTests
{
    [Theory]
    [InlineData("SITI  aminah", "Siti Aminah")]
    [InlineData("  budi   SANTOSO ", "Budi Santoso")]
    [InlineData("AHMAD BIN ABDULLAH", "Ahmad bin Abdullah")]
    [InlineData("siti BINTI hasan", "Siti binti Hasan")]
    [InlineData("Bintang Binti Bintoro", "Bintang binti Bintoro")]
    [InlineData("MA'RUF amin", "Ma'ruf Amin")]
    [InlineData("m. yusuf", "M. Yusuf")]
    [InlineData("nur-aini", "Nur-Aini")]
    [InlineData("i gusti NGURAH\tRai", "I Gusti Ngurah Rai")]
    [InlineData("siti aminah, S.Pd.", "Siti Aminah, S.Pd.")]
    [InlineData("WAYAN, SE", "Wayan, SE")]
    public void NamesAreCollapsedAndTitleCasedInIndonesianStyle(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).Value);
    }

    [Fact]
    public void ANameAlreadyInShapeIsReturnedWithoutCopying()
    {
        var name = "Siti Aminah";

        Assert.Same(name, PersonName.Parse(name).Value);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("-")]
    [InlineData(5d)]
    [InlineData(true)]
    public void ANameWithoutLettersIsANameFormatError(object cell)
    {
        Assert.Equal(ValueCodes.NameFormat, PersonName.Parse(cell).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ABlankNameIsEmpty(string? text)
    {
        Assert.True(PersonName.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("  Perbup  No. 33\nTahun 2024 ", "Perbup No. 33 Tahun 2024")]
    [InlineData(33d, "33")]
    [InlineData(1500000000d, "1500000000")]
    [InlineData(33.5, "33.5")]
    [InlineData(true, "TRUE")]
    public void TextIsTrimmedAndNumbersPrintWithoutATrailingZero(object cell, string expected)
    {
        Assert.Equal(expected, TextValue.Parse(cell).Value);
    }

    [Fact]
    public void ADateCellPrintsAsAnIsoDate()
    {
        Assert.Equal("2025-10-28", TextValue.Parse(new DateTime(2025, 10, 28)).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" \t ")]
    public void BlankTextIsEmpty(string? text)
    {
        Assert.True(TextValue.Parse(text).IsEmpty);
    }
}
