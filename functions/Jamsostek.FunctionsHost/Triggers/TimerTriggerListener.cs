using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Worker;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Storage;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// A timerTrigger function. One instance per storage account and host id runs it, through a lease on
/// <c>locks/{hostId}/{function}.Listener</c>; with the monitor on, a missed occurrence (the host was down)
/// runs once at start with IsPastDue; runOnStartup runs it at start too.
/// </summary>
internal sealed class TimerTriggerListener(
    FunctionDefinition function,
    TimerTriggerBinding binding,
    TimerSchedule schedule,
    StorageClients storage,
    FunctionInvoker invoker,
    ILogger logger,
    string hostId,
    TimeSpan lockRetryInterval,
    TimeProvider clock) : ITriggerListener
{
    private static readonly TimeSpan LockPeriod = TimeSpan.FromSeconds(15);

    /// <summary>useMonitor (default true), which the host turns off for schedules that recur more often than once a minute.</summary>
    private bool UseMonitor => (binding.UseMonitor ?? true) && schedule.MonitoredByDefault;

    public string FunctionName => function.Name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hostContainer = await storage.HostContainerAsync(cancellationToken);
        var monitor = new ScheduleMonitor(hostContainer, hostId);
        var lockBlob = hostContainer.GetBlobClient($"locks/{hostId}/{function.FullName}.Listener");
        await BlobLeaseHolder.EnsureExistsAsync(lockBlob, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var lease = await BlobLeaseHolder.TryAcquireAsync(lockBlob, LockPeriod, cancellationToken);
            if (lease is null)
            {
                await Task.Delay(lockRetryInterval, clock, cancellationToken);
                continue;
            }
            HostLog.TimerLockAcquired(logger, function.Name, hostId);
            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            try
            {
                await RunScheduleAsync(monitor, running.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                HostLog.TimerLockLost(logger, function.Name);
            }
        }
    }

    /// <summary>Runs the function now (admin invocation), outside the schedule and without touching its status.</summary>
    public Task<InvocationResult> InvokeNowAsync(CancellationToken cancellationToken) =>
        invoker.InvokeAsync(function, Inputs(null, isPastDue: false), "admin invocation", cancellationToken);

    private async Task RunScheduleAsync(ScheduleMonitor monitor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        ScheduleStatus? status = null;
        if (UseMonitor)
        {
            status = await monitor.GetStatusAsync(function.FullName, cancellationToken);
            if (status is null)
            {
                status = new ScheduleStatus(default, schedule.GetNextOccurrence(now), now);
                await monitor.UpdateStatusAsync(function.FullName, status, cancellationToken);
            }
            else if (status.Next < now)
            {
                HostLog.TimerPastDue(logger, function.Name, status.Next);
                status = await InvokeAsync(monitor, status, status.Next, isPastDue: true, cancellationToken);
            }
        }
        if (binding.RunOnStartup)
        {
            status = await InvokeAsync(monitor, status, now, isPastDue: false, cancellationToken);
        }
        while (true)
        {
            now = clock.GetUtcNow();
            var next = status is not null && status.Next >= now ? status.Next : schedule.GetNextOccurrence(now);
            TimeSpan wait;
            while ((wait = next - clock.GetUtcNow()) > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            status = await InvokeAsync(monitor, (status ?? new ScheduleStatus(default, next, now)) with { Next = next }, next, isPastDue: false, cancellationToken);
        }
    }

    private async Task<ScheduleStatus?> InvokeAsync(ScheduleMonitor monitor, ScheduleStatus? status, DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
    {
        await invoker.InvokeAsync(function, Inputs(status, isPastDue), $"Timer fired at {clock.GetUtcNow():O}", cancellationToken);
        var now = clock.GetUtcNow();
        // Timers may wake a little early: the next occurrence comes after this one, whatever the clock says.
        var updated = new ScheduleStatus(occurrence, schedule.GetNextOccurrence(now > occurrence ? now : occurrence), now);
        if (UseMonitor)
        {
            // An occurrence that ran while the host stops is recorded, so the next start does not run it again as past due.
            using var settling = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await monitor.UpdateStatusAsync(function.FullName, updated, settling.Token);
        }
        return updated;
    }

    /// <summary>
    /// The TimerInfo the Functions host sends: the schedule, the monitor's status (null without the monitor), whether
    /// this run is a missed one, dates in the host's local time with their offset; and the time it fired as metadata.
    /// </summary>
    private InvocationInputs Inputs(ScheduleStatus? status, bool isPastDue)
    {
        var timer = TypedValues.Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Schedule");
            writer.WriteBoolean("AdjustForDST", schedule.AdjustsForDaylightSaving);
            writer.WriteEndObject();
            if (status is null || !UseMonitor)
            {
                writer.WriteNull("ScheduleStatus");
            }
            else
            {
                writer.WriteStartObject("ScheduleStatus");
                writer.WriteString("Last", TypedValues.Date(status.Last.ToLocalTime()));
                writer.WriteString("Next", TypedValues.Date(status.Next.ToLocalTime()));
                writer.WriteString("LastUpdated", TypedValues.Date(status.LastUpdated.ToLocalTime()));
                writer.WriteEndObject();
            }
            writer.WriteBoolean("IsPastDue", isPastDue);
            writer.WriteEndObject();
        });
        var metadata = new Dictionary<string, TypedData>
        {
            ["TimerTrigger"] = TypedValues.String(clock.GetLocalNow().DateTime.ToString(System.Globalization.CultureInfo.CurrentCulture)),
        };
        return InvocationInputs.Of(binding.Name, timer, metadata);
    }
}
