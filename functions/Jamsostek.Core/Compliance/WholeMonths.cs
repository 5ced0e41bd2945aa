namespace Jamsostek.Core.Compliance;

/// <summary>Whole calendar months from one date to a later one (15 Aug to 30 Nov is 3; to 14 Nov, 2).</summary>
public static class WholeMonths
{
    public static int Between(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        // A day of the month not yet reached completes no month, unless 'to' is its month's last day (31 Jan to 28 Feb is one).
        if (to.Day < from.Day && to.Day != DateTime.DaysInMonth(to.Year, to.Month))
        {
            months--;
        }
        return months;
    }
}
