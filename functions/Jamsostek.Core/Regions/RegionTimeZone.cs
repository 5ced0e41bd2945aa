namespace Jamsostek.Core.Regions;

/// <summary>
/// Indonesia's three time zones by province code: WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan;
/// WITA (UTC+8) for Bali, Nusa Tenggara (NTB 52, NTT 53), South, East and North Kalimantan and Sulawesi;
/// WIT (UTC+9) for Maluku and Papua. Fixed offsets: Indonesia keeps no daylight saving time.
/// </summary>
public static class RegionTimeZone
{
    public static TimeSpan UtcOffset(RegionCode region) => int.Parse(region.ProvinceCode, System.Globalization.CultureInfo.InvariantCulture) switch
    {
        >= 11 and <= 36 => TimeSpan.FromHours(7),
        61 or 62 => TimeSpan.FromHours(7),
        >= 63 and <= 65 => TimeSpan.FromHours(8),
        51 or 52 or 53 => TimeSpan.FromHours(8),
        >= 71 and <= 76 => TimeSpan.FromHours(8),
        >= 81 and <= 82 => TimeSpan.FromHours(9),
        >= 91 and <= 99 => TimeSpan.FromHours(9),
        _ => TimeSpan.FromHours(7),
    };

    /// <summary>"WIB", "WITA" or "WIT".</summary>
    public static string Abbreviation(RegionCode region) => UtcOffset(region).Hours switch
    {
        8 => "WITA",
        9 => "WIT",
        _ => "WIB",
    };

    /// <summary>The region's calendar date at an instant.</summary>
    public static DateOnly Today(RegionCode region, DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(UtcOffset(region)).DateTime);
}
