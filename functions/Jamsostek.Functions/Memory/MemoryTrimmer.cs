using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace Jamsostek.Functions.Memory;

/// <summary>
/// Gives memory back to the machine once the worker has been idle for a while after work: one aggressive, compacting
/// full collection, which returns the GC's free segments and lets the shared array pools drop their buffers. Without it
/// the heap a large or hostile upload grew stays committed until the worker restarts (measured: 105 MiB before a
/// 60,000-row upload, 175 MiB still a minute after), which on a Flex Consumption instance is memory other invocations
/// and instances of the plan cannot use. Idle only: the collection pauses the process, so never during an invocation.
/// </summary>
public sealed partial class MemoryTrimmer(InvocationActivity activity, TimeProvider time, ILogger<MemoryTrimmer> logger) : BackgroundService
{
    /// <summary>How long the worker must have been idle before it trims.</summary>
    public static readonly TimeSpan IdleBeforeTrim = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private long _endedAtLastTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var ended = activity.EndedCount;
            if (ended == _endedAtLastTrim || !activity.IsIdle || activity.SinceLastEnded < IdleBeforeTrim)
            {
                continue;
            }
            _endedAtLastTrim = ended;
            var before = Environment.WorkingSet;
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            NativeHeap.Trim();
            Trimmed(logger, before / 1_048_576, Environment.WorkingSet / 1_048_576);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Idle after work: memory trimmed from {BeforeMib} MiB to {AfterMib} MiB")]
    private static partial void Trimmed(ILogger logger, long beforeMib, long afterMib);
}
