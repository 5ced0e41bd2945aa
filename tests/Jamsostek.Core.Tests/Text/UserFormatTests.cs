using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;

namespace Jamsostek.Core.Tests.Text;

public sealed class UserFormatTests
{
    [Fact]
    public void IndonesianNumbersGroupWithDotsAndDecimalsWithCommas()
    {
        Assert.Equal("5.600", UserFormat.Number(5600, Language.Id));
        Assert.Equal("5,600", UserFormat.Number(5600, Language.En));
        Assert.Equal("38,2%", UserFormat.Percent(0.3816m, Language.Id));
        Assert.Equal("Rp 1.500.000.000", UserFormat.Rupiah(1_500_000_000m, Language.Id));
        Assert.Equal("IDR 1,500,000,000", UserFormat.Rupiah(1_500_000_000m, Language.En));
    }

    [Fact]
    public void DatesAreWrittenWithTheMonthsName()
    {
        Assert.Equal("31 Desember 2025", UserFormat.Date(new DateOnly(2025, 12, 31), Language.Id));
        Assert.Equal("1 Agustus 2026", UserFormat.Date(new DateOnly(2026, 8, 1), Language.Id));
        Assert.Equal("31 Dec 2025", UserFormat.Date(new DateOnly(2025, 12, 31), Language.En));
    }

    [Theory]
    [InlineData(1_500_000_000, "Rp 1,5 miliar", "IDR 1.5 billion")]
    [InlineData(1_883_952_000, "Rp 1,88 miliar", "IDR 1.88 billion")]
    [InlineData(947_520_000, "Rp 948 juta", "IDR 948 million")]
    [InlineData(39_312_000, "Rp 39,3 juta", "IDR 39.3 million")]
    [InlineData(282_240_000, "Rp 282 juta", "IDR 282 million")]
    [InlineData(2_000_000, "Rp 2 juta", "IDR 2 million")]
    [InlineData(16_800, "Rp 16.800", "IDR 16,800")]
    [InlineData(2_500_000_000_000, "Rp 2,5 triliun", "IDR 2.5 trillion")]
    public void AmountsReadAsPeopleSayThem(long amount, string indonesian, string english)
    {
        Assert.Equal(indonesian, UserFormat.CompactRupiah(amount, Language.Id));
        Assert.Equal(english, UserFormat.CompactRupiah(amount, Language.En));
    }
}
