using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;

namespace Jamsostek.Core.Tests.Digest;

public sealed class DigestWeekTests
{
    private static readonly RegionCode Jakarta = RegionCode.Parse("3171");      // WIB, UTC+7
    private static readonly RegionCode SumbaBaratDaya = RegionCode.Parse("5318"); // WITA, UTC+8
    private static readonly RegionCode SeramBagianTimur = RegionCode.Parse("8105"); // WIT, UTC+9

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void AWitaRecipientsWeekTurnsAtSevenOnMondayWita()
    {
        // Monday 30 November 2026, 07:00 WITA is Sunday 29 November, 23:00 UTC.
        Assert.Equal("2026-W48", DigestWeek.For(SumbaBaratDaya, Utc(11, 29, 22, 59, 59)).ToString());
        Assert.Equal("2026-W49", DigestWeek.For(SumbaBaratDaya, Utc(11, 29, 23)).ToString());
        Assert.Equal(Utc(11, 29, 23), new DigestWeek(2026, 49).StartsAt(SumbaBaratDaya));
    }

    [Fact]
    public void AWitRecipientsWeekTurnsAnHourEarlierThanWita()
    {
        // 07:00 WIT is 22:00 UTC the day before.
        Assert.Equal("2026-W48", DigestWeek.For(SeramBagianTimur, Utc(11, 29, 21, 59, 59)).ToString());
        Assert.Equal("2026-W49", DigestWeek.For(SeramBagianTimur, Utc(11, 29, 22)).ToString());
        Assert.Equal(Utc(11, 29, 22), new DigestWeek(2026, 49).StartsAt(SeramBagianTimur));

        // Half past ten UTC: Monday 07:30 in Maluku, still Monday 06:30 in Sumba.
        Assert.Equal("2026-W49", DigestWeek.For(SeramBagianTimur, Utc(11, 29, 22, 30)).ToString());
        Assert.Equal("2026-W48", DigestWeek.For(SumbaBaratDaya, Utc(11, 29, 22, 30)).ToString());
    }

    [Fact]
    public void AWibRecipientsWeekTurnsAtMidnightUtc()
    {
        Assert.Equal("2026-W48", DigestWeek.For(Jakarta, Utc(11, 29, 23, 59, 59)).ToString());
        Assert.Equal("2026-W49", DigestWeek.For(Jakarta, Utc(11, 30, 0)).ToString());
    }

    [Fact]
    public void AnHourlyTimerSendsEachRecipientOnceAtSevenOnMondayInTheirOwnZone()
    {
        // The timer fires every hour on the hour (DigestSchedule "0 0 * * * *"); a digest is due when the ledger has
        // no entry for the recipient's current week. Run a day and a half of ticks around Monday 30 November.
        var recipients = new[] { ("wib", Jakarta), ("wita", SumbaBaratDaya), ("wit", SeramBagianTimur) };
        var ledger = new HashSet<(string Week, string Id)>();
        var sentAt = new Dictionary<string, List<DateTimeOffset>>();
        for (var tick = Utc(11, 29, 12); tick <= Utc(12, 1, 0); tick = tick.AddHours(1))
        {
            foreach (var (id, region) in recipients)
            {
                var week = DigestWeek.For(region, tick).ToString();
                if (week == "2026-W48")
                {
                    ledger.Add((week, id)); // last week's digests went out last Monday
                }
                if (ledger.Add((week, id)))
                {
                    (sentAt.TryGetValue(id, out var times) ? times : sentAt[id] = []).Add(tick);
                }
            }
        }

        Assert.Equal([Utc(11, 30, 0)], sentAt["wib"]);   // 07:00 WIB
        Assert.Equal([Utc(11, 29, 23)], sentAt["wita"]); // 07:00 WITA
        Assert.Equal([Utc(11, 29, 22)], sentAt["wit"]);  // 07:00 WIT
        foreach (var (id, region) in recipients)
        {
            Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(sentAt[id][0].ToOffset(RegionTimeZone.UtcOffset(region)).DateTime));
            Assert.Equal(DayOfWeek.Monday, sentAt[id][0].ToOffset(RegionTimeZone.UtcOffset(region)).DayOfWeek);
        }
    }

    [Fact]
    public void AWeekMissedUntilSundayIsStillThatWeekAndTheNextMondayStartsANewOne()
    {
        // Downtime from Monday to Sunday evening: the run that comes back catches up the same week.
        Assert.Equal("2026-W49", DigestWeek.For(SumbaBaratDaya, new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.FromHours(8))).ToString());
        // Monday before 07:00 still belongs to the week before; 07:00 starts the next.
        Assert.Equal("2026-W49", DigestWeek.For(SumbaBaratDaya, new DateTimeOffset(2026, 12, 7, 6, 59, 0, TimeSpan.FromHours(8))).ToString());
        Assert.Equal("2026-W50", DigestWeek.For(SumbaBaratDaya, new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(8))).ToString());
    }

    [Fact]
    public void WeeksAroundNewYearFollowIsoNumbering()
    {
        // 2026 has 53 ISO weeks; Sunday 3 January 2027 still belongs to week 53.
        Assert.Equal("2026-W53", DigestWeek.For(Jakarta, new DateTimeOffset(2027, 1, 3, 12, 0, 0, TimeSpan.FromHours(7))).ToString());
        Assert.Equal("2027-W01", DigestWeek.For(Jakarta, new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.FromHours(7))).ToString());
        Assert.Equal(new DigestWeek(2026, 53), new DigestWeek(2027, 1).Previous);
        Assert.Equal(new DateOnly(2026, 12, 28), new DigestWeek(2026, 53).Monday);
    }

    [Theory]
    [InlineData("2026-W49", true)]
    [InlineData("2026-W53", true)]
    [InlineData("2027-W53", false)] // 2027 has 52 weeks
    [InlineData("2026-W00", false)]
    [InlineData("2026-49", false)]
    [InlineData("2026-W4", false)]
    [InlineData("", false)]
    public void WeekIdsParseOnlyWhenTheyNameARealWeek(string text, bool valid)
    {
        Assert.Equal(valid, DigestWeek.TryParse(text, out var week));
        if (valid)
        {
            Assert.Equal(text, week!.Value.ToString());
        }
    }
}
