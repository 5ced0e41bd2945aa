using Jamsostek.Core.Regions;

namespace Jamsostek.Core.Tests.Regions;

public sealed class RegionTimeZoneTests
{
    [Theory]
    [InlineData("3171", "WIB", 7)]  // Jakarta Selatan
    [InlineData("6171", "WIB", 7)]  // Pontianak
    [InlineData("6471", "WITA", 8)] // Balikpapan
    [InlineData("5204", "WITA", 8)] // Sumbawa, NTB
    [InlineData("5318", "WITA", 8)] // Sumba Barat Daya, NTT
    [InlineData("7371", "WITA", 8)] // Makassar
    [InlineData("8105", "WIT", 9)]  // Seram Bagian Timur, Maluku
    [InlineData("9471", "WIT", 9)]  // Jayapura
    public void ProvinceCodeGivesTheRegionsTimeZone(string region, string abbreviation, int hours)
    {
        var code = RegionCode.Parse(region);

        Assert.Equal(abbreviation, RegionTimeZone.Abbreviation(code));
        Assert.Equal(TimeSpan.FromHours(hours), RegionTimeZone.UtcOffset(code));
    }

    [Fact]
    public void TodayInSumbawaStartsAtFourPmUtc()
    {
        var sumbawa = RegionCode.Parse("5204");

        Assert.Equal(new DateOnly(2026, 11, 25), RegionTimeZone.Today(sumbawa, new DateTimeOffset(2026, 11, 25, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 26), RegionTimeZone.Today(sumbawa, new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero)));
    }
}
