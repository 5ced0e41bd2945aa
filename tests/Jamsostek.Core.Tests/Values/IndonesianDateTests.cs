using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Values;

public sealed class IndonesianDateTests
{
    private static readonly DateOnly October28 = new(2025, 10, 28);

    [Theory]
    [InlineData("28/10/2025")]
    [InlineData("28-10-2025")]
    [InlineData("28.10.2025")]
    [InlineData("2025-10-28")]
    [InlineData("2025/10/28")]
    [InlineData("28/10/25")]
    [InlineData("28 Oktober 2025")]
    [InlineData("28 OKTOBER 2025")]
    [InlineData("28 Okt 2025")]
    [InlineData("28 okt. 2025")]
    [InlineData("28 October 2025")]
    [InlineData("28 Oct 2025")]
    [InlineData("28-Oct-25")]
    [InlineData("Oktober 28, 2025")]
    [InlineData("Selasa, 28 Oktober 2025")]
    [InlineData("2025-10-28 00:00:00")]
    [InlineData("2025-10-28T00:00:00")]
    [InlineData("28/10/2025 13:45")]
    [InlineData("  28 / 10 / 2025  ")]
    [InlineData("28\u201310\u20132025")]
    [InlineData("45958")]
    public void OfficeFormatsOfTheSameDayAllReadAsThatDay(string text)
    {
        var parsed = IndonesianDate.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem);
        Assert.Equal(October28, parsed.Value);
    }

    [Theory]
    [InlineData("5 Januari 2024", 1)]
    [InlineData("5 Jan 2024", 1)]
    [InlineData("5 Februari 2024", 2)]
    [InlineData("5 Feb 2024", 2)]
    [InlineData("5 Peb 2024", 2)]
    [InlineData("5 Maret 2024", 3)]
    [InlineData("5 Mar 2024", 3)]
    [InlineData("5 April 2024", 4)]
    [InlineData("5 Apr 2024", 4)]
    [InlineData("5 Mei 2024", 5)]
    [InlineData("5 May 2024", 5)]
    [InlineData("5 Juni 2024", 6)]
    [InlineData("5 Jun 2024", 6)]
    [InlineData("5 Juli 2024", 7)]
    [InlineData("5 Jul 2024", 7)]
    [InlineData("5 Agustus 2024", 8)]
    [InlineData("5 Agu 2024", 8)]
    [InlineData("5 Agt 2024", 8)]
    [InlineData("5 Ags 2024", 8)]
    [InlineData("5 Aug 2024", 8)]
    [InlineData("5 September 2024", 9)]
    [InlineData("5 Sep 2024", 9)]
    [InlineData("5 Sept 2024", 9)]
    [InlineData("5 Oktober 2024", 10)]
    [InlineData("5 Okt 2024", 10)]
    [InlineData("5 November 2024", 11)]
    [InlineData("5 Nov 2024", 11)]
    [InlineData("5 Nop 2024", 11)]
    [InlineData("5 Desember 2024", 12)]
    [InlineData("5 Des 2024", 12)]
    [InlineData("5 December 2024", 12)]
    public void IndonesianAndEnglishMonthNamesAndAbbreviationsAreRead(string text, int month)
    {
        Assert.Equal(new DateOnly(2024, month, 5), IndonesianDate.Parse(text).Value);
    }

    [Theory]
    [InlineData("01/02/2025", 2025, 2, 1)]
    [InlineData("12/01/2025", 2025, 1, 12)]
    [InlineData("1/2/2025", 2025, 2, 1)]
    public void NumericDatesAreReadDayFirst(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), IndonesianDate.Parse(text).Value);
    }

    [Theory]
    [InlineData("01/01/00", 2000)]
    [InlineData("01/01/49", 2049)]
    [InlineData("01/01/50", 1950)]
    [InlineData("01/01/99", 1999)]
    [InlineData("1 Jan 85", 1985)]
    public void TwoDigitYearsPivotAtFifty(string text, int year)
    {
        Assert.Equal(new DateOnly(year, 1, 1), IndonesianDate.Parse(text).Value);
    }

    [Theory]
    [InlineData("31/12/2025", 2025, 12, 31)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("29/02/2000", 2000, 2, 29)]
    [InlineData("30/04/2025", 2025, 4, 30)]
    public void TheLastDayOfAMonthIsADate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), IndonesianDate.Parse(text).Value);
    }

    [Theory]
    [InlineData("32/12/2025")]
    [InlineData("29/02/2025")]
    [InlineData("29/02/1900")]
    [InlineData("31/02/2025")]
    [InlineData("31/04/2025")]
    [InlineData("00/10/2025")]
    [InlineData("28/13/2025")]
    [InlineData("28/00/2025")]
    [InlineData("10/28/2025")]
    [InlineData("31 Feb 2025")]
    public void DaysAndMonthsThatDoNotExistAreDateFormatErrors(string text)
    {
        var parsed = IndonesianDate.Parse(text);

        Assert.Equal(FindingCode.DateFormat, parsed.ErrorCode);
    }

    [Theory]
    [InlineData("kemarin")]
    [InlineData("28 Okto 2025")]
    [InlineData("28/10-2025")]
    [InlineData("28 10 2025")]
    [InlineData("28/10")]
    [InlineData("28/10/2025 pagi")]
    [InlineData("28/10/202")]
    [InlineData("028/10/2025")]
    [InlineData("28/10/0025")]
    [InlineData("28102025")]
    [InlineData("2025")]
    [InlineData("1985")]
    [InlineData("28 Oktober 2025 #")]
    [InlineData("Oktober 2025")]
    public void GarbageIsADateFormatError(string text)
    {
        var parsed = IndonesianDate.Parse(text);

        Assert.Equal(FindingCode.DateFormat, parsed.ErrorCode);
        Assert.False(string.IsNullOrEmpty(parsed.Problem));
    }

    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(45958, 2025, 10, 28)]
    [InlineData(45958.75, 2025, 10, 28)]
    [InlineData(2958465, 9999, 12, 31)]
    public void ExcelSerialsCountFromTheFirstOfJanuary1900(double serial, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), IndonesianDate.Parse(serial).Value);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(-1)]
    [InlineData(2958466)]
    [InlineData(double.NaN)]
    public void Serial60AndSerialsOutsideOneTo2958465AreDateFormatErrors(double serial)
    {
        Assert.Equal(FindingCode.DateFormat, IndonesianDate.Parse(serial).ErrorCode);
    }

    [Theory]
    [InlineData("1", 1900, 1, 1)]
    [InlineData("1899", 1905, 3, 13)]
    [InlineData("2100", 1905, 9, 30)]
    public void DigitTextOutsideTheRangeOfYearsIsAnExcelSerial(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), IndonesianDate.Parse(text).Value);
    }

    [Fact]
    public void Serial60AsDigitTextIsADateFormatErrorToo()
    {
        Assert.Equal(FindingCode.DateFormat, IndonesianDate.Parse("60").ErrorCode);
    }

    [Fact]
    public void ADateCellGivesItsDateWithoutTheTime()
    {
        var parsed = IndonesianDate.Parse(new DateTime(2025, 10, 28, 13, 45, 0));

        Assert.Equal(October28, parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankCellIsEmpty(string? text)
    {
        Assert.True(IndonesianDate.Parse(text).IsEmpty);
    }

    [Fact]
    public void ATrueFalseCellIsADateFormatError()
    {
        Assert.Equal(FindingCode.DateFormat, IndonesianDate.Parse(true).ErrorCode);
    }
}
