using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Jamsostek.Core.Regions;

namespace Jamsostek.Core.Digest;

/// <summary>
/// The week a digest belongs to, as an ISO week ("2026-W49"). A region's digest week starts on Monday at 07:00 in
/// the region's own time (WIB, WITA, WIT) and runs until the next Monday 07:00, so at any instant exactly one digest
/// week is current for a recipient, and it is due from its first hour: the first run at or after Monday 07:00 local
/// sends it; a run that finds it unsent later in the same week (downtime, a failed send, a recipient added on
/// Wednesday) sends it then; once the next Monday 07:00 has passed, the missed week is not sent any more and the
/// new week's digest takes its place.
/// </summary>
public readonly record struct DigestWeek(int Year, int Week) : IComparable<DigestWeek>
{
    /// <summary>Digests go out on Monday at 07:00 local time.</summary>
    public static readonly TimeSpan SendTime = TimeSpan.FromHours(7);

    /// <summary>The digest week current at <paramref name="now"/> for a recipient in <paramref name="region"/>.</summary>
    public static DigestWeek For(RegionCode region, DateTimeOffset now)
    {
        var local = now.ToOffset(RegionTimeZone.UtcOffset(region)).DateTime - SendTime;
        return new DigestWeek(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The instant the week's digest becomes due for a region: Monday 07:00 there.</summary>
    public DateTimeOffset StartsAt(RegionCode region) =>
        new(Monday.ToDateTime(TimeOnly.FromTimeSpan(SendTime)), RegionTimeZone.UtcOffset(region));

    /// <summary>The instant the next week's digest takes over.</summary>
    public DateTimeOffset EndsAt(RegionCode region) => StartsAt(region).AddDays(7);

    public DigestWeek Previous
    {
        get
        {
            var monday = Monday.AddDays(-7).ToDateTime(TimeOnly.MinValue);
            return new DigestWeek(ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday));
        }
    }

    /// <summary>"2026-W49": sorts as text in week order, so it serves as a table key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out DigestWeek? week)
    {
        week = null;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] is not ('W' or 'w')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 2000 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = new DigestWeek(year, number);
        return true;
    }

    public int CompareTo(DigestWeek other) => (Year, Week).CompareTo((other.Year, other.Week));
}
