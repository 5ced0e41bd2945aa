using System.Globalization;
using Cronos;
using Jamsostek.FunctionsHost.App;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// A timerTrigger schedule: a 6-field NCRONTAB expression (seconds first) in the app's time zone
/// (WEBSITE_TIME_ZONE, else UTC, as in Azure), or a fixed interval written as a TimeSpan ("00:05:00").
/// </summary>
public abstract class TimerSchedule
{
    public abstract DateTimeOffset GetNextOccurrence(DateTimeOffset after);

    /// <summary>What the host's TimerInfo.Schedule.AdjustForDST says: true for a CRON schedule, false for an interval.</summary>
    public bool AdjustsForDaylightSaving => this is CronSchedule;

    /// <summary>The host monitors schedules that recur every minute or less often.</summary>
    public bool MonitoredByDefault
    {
        get
        {
            var first = GetNextOccurrence(DateTimeOffset.UtcNow);
            return GetNextOccurrence(first) - first >= TimeSpan.FromMinutes(1);
        }
    }

    public static TimerSchedule Parse(string schedule, TimeZoneInfo timeZone, string functionName)
    {
        if (!schedule.Contains(' ') && TimeSpan.TryParse(schedule, CultureInfo.InvariantCulture, out var interval))
        {
            return interval > TimeSpan.Zero
                ? new IntervalSchedule(interval)
                : throw new FunctionAppException($"Function {functionName}: the timer interval '{schedule}' must be positive.");
        }
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            throw new FunctionAppException(
                $"Function {functionName}: the schedule '{schedule}' has {fields} fields; Azure Functions takes 6 (second minute hour day month day-of-week), e.g. '0 0 7 * * 1'.");
        }
        try
        {
            return new CronSchedule(CronExpression.Parse(schedule, CronFormat.IncludeSeconds), timeZone);
        }
        catch (CronFormatException ex)
        {
            throw new FunctionAppException($"Function {functionName}: the schedule '{schedule}' is not a valid NCRONTAB expression: {ex.Message}");
        }
    }

    public static TimeZoneInfo TimeZone(AppSettings settings)
    {
        var id = settings["WEBSITE_TIME_ZONE"];
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new FunctionAppException($"WEBSITE_TIME_ZONE '{id}' is not a known time zone (use an IANA id such as Asia/Makassar).");
        }
    }

    private sealed class CronSchedule(CronExpression expression, TimeZoneInfo timeZone) : TimerSchedule
    {
        public override DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
            expression.GetNextOccurrence(after, timeZone)
            ?? throw new InvalidOperationException("The schedule has no further occurrence.");
    }

    private sealed class IntervalSchedule(TimeSpan interval) : TimerSchedule
    {
        public override DateTimeOffset GetNextOccurrence(DateTimeOffset after) => after + interval;
    }
}
