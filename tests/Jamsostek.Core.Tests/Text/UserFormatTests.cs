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
}
