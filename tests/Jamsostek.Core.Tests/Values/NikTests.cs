using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class NikTests
{
    private const string SixteenDigits = "5204011203900001";
    private static readonly DateOnly Today = new(2025, 11, 1);

    [Fact]
    public void SixteenDigitTextIsTheNikItself()
    {
        var parsed = Nik.Parse(SixteenDigits);

        Assert.True(parsed.IsOk);
        Assert.Same(SixteenDigits, parsed.Value);
    }

    [Theory]
    [InlineData("5204 0112 0390 0001")]
    [InlineData("5204.0112.0390.0001")]
    [InlineData("5204-0112-0390-0001")]
    [InlineData("'5204011203900001")]
    [InlineData("  5204011203900001  ")]
    public void SpacesDotsDashesAndALeadingApostropheAreDropped(string text)
    {
        Assert.Equal(SixteenDigits, Nik.Parse(text).Value);
    }

    [Theory]
    [InlineData("520401120390001", "15 digits")]
    [InlineData("52040112039000012", "17 digits")]
    [InlineData("5204", "4 digits")]
    public void TextWithoutExactlySixteenDigitsIsANikFormatErrorSayingHowManyItHas(string text, string count)
    {
        var parsed = Nik.Parse(text);

        Assert.Equal(FindingCode.NikFormat, parsed.ErrorCode);
        Assert.Contains(count, parsed.Problem);
    }

    [Theory]
    [InlineData("52040112039000O1")]
    [InlineData("5204/0112/0390/0001")]
    [InlineData("NIK 5204011203900001")]
    public void TextWithLettersOrSymbolsIsANikFormatError(string text)
    {
        Assert.Equal(FindingCode.NikFormat, Nik.Parse(text).ErrorCode);
    }

    [Theory]
    [InlineData(5204011203900000d)]
    [InlineData(3.17401234567890E+15)]
    [InlineData(1e15)]
    [InlineData(52040112039000012d)]
    public void ANumberCellOfSixteenDigitsOrMoreHasLostPrecision(double number)
    {
        Assert.Equal(FindingCode.NikPrecisionLost, Nik.Parse(number).ErrorCode);
    }

    [Theory]
    [InlineData(999999999999999d, "15 digits")]
    [InlineData(12345d, "5 digits")]
    public void ANumberCellOfFewerDigitsIsANikFormatError(double number, string count)
    {
        var parsed = Nik.Parse(number);

        Assert.Equal(FindingCode.NikFormat, parsed.ErrorCode);
        Assert.Contains(count, parsed.Problem);
    }

    [Theory]
    [InlineData("5,20401E+15")]
    [InlineData("5.20401120390000E+15")]
    [InlineData("5,20401e+15")]
    public void ScientificNotationTextHasLostPrecision(string text)
    {
        Assert.Equal(FindingCode.NikPrecisionLost, Nik.Parse(text).ErrorCode);
    }

    [Fact]
    public void SmallScientificNotationTextIsANikFormatError()
    {
        Assert.Equal(FindingCode.NikFormat, Nik.Parse("1,5E+3").ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("'")]
    public void ABlankNikIsEmpty(string? text)
    {
        Assert.True(Nik.Parse(text).IsEmpty);
    }

    [Fact]
    public void MaskedKeepsTheFirstAndLastFourDigits()
    {
        Assert.Equal("5204********0001", Nik.Masked(SixteenDigits));
    }

    [Theory]
    [InlineData("520401120390001", "5204********0001")]
    [InlineData("12345", "*****")]
    public void MaskedNeverShowsMoreThanEightDigitsOfMalformedText(string text, string expected)
    {
        Assert.Equal(expected, Nik.Masked(text));
    }

    [Theory]
    [InlineData("5204011203900001", 1990, 3, 12, false)]
    [InlineData("5204015203900001", 1990, 3, 12, true)]
    [InlineData("5204013101850001", 1985, 1, 31, false)]
    [InlineData("5204014101850002", 1985, 1, 1, true)]
    [InlineData("5204017101850002", 1985, 1, 31, true)]
    [InlineData("5204010101100001", 2010, 1, 1, false)]
    [InlineData("5204010101300001", 1930, 1, 1, false)]
    [InlineData("5204010111250001", 2025, 11, 1, false)]
    [InlineData("5204010211250001", 1925, 11, 2, false)]
    [InlineData("5204012902000001", 2000, 2, 29, false)]
    public void TheBirthDateIsDigitsSevenToTwelveWithWomenAtDayPlusForty(string nik, int year, int month, int day, bool female)
    {
        Assert.True(Nik.TryReadBirthDate(nik, Today, out var date, out var isFemale));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(female, isFemale);
    }

    [Theory]
    [InlineData("5204017201850002")]
    [InlineData("5204017102850002")]
    [InlineData("5204013201850001")]
    [InlineData("5204014001850001")]
    [InlineData("5204010001850001")]
    [InlineData("5204011213850001")]
    [InlineData("5204011200850001")]
    [InlineData("520401120390001")]
    [InlineData("52040112039000A1")]
    public void DigitsThatAreNotADateGiveNoBirthDate(string nik)
    {
        Assert.False(Nik.TryReadBirthDate(nik, Today, out _, out _));
    }

    [Fact]
    public void TwentyNinthOfFebruaryInYearZeroIsNoDateBeforeTwoThousand()
    {
        // 2000 would be in the future and 1900 was no leap year.
        Assert.False(Nik.TryReadBirthDate("5204012902000001", new DateOnly(1999, 6, 1), out _, out _));
    }
}
