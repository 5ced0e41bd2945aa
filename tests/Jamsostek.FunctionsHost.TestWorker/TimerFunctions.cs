using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>A timer trigger on the TickSchedule setting.</summary>
public sealed class Tick(Recorder recorder)
{
    [Function(nameof(Tick))]
    public Task RunAsync([TimerTrigger("%TickSchedule%")] TimerInfo timer, FunctionContext context) =>
        recorder.RecordAsync(context, new Dictionary<string, object?>
        {
            ["isPastDue"] = timer.IsPastDue,
            ["last"] = timer.ScheduleStatus?.Last,
            ["next"] = timer.ScheduleStatus?.Next,
            ["lastUpdated"] = timer.ScheduleStatus?.LastUpdated,
            ["hasStatus"] = timer.ScheduleStatus is not null,
            ["at"] = DateTimeOffset.UtcNow,
        });
}
