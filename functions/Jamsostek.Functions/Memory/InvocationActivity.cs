using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Jamsostek.Functions.Memory;

/// <summary>Counts the invocations running now and remembers when the last one ended, so memory is trimmed only when the worker is idle.</summary>
public sealed class InvocationActivity(TimeProvider time)
{
    private int _running;
    private long _lastEndedTicks = time.GetTimestamp();
    private long _endedCount;

    public bool IsIdle => Volatile.Read(ref _running) == 0;

    /// <summary>How many invocations have ended since the worker started.</summary>
    public long EndedCount => Interlocked.Read(ref _endedCount);

    public TimeSpan SinceLastEnded => time.GetElapsedTime(Interlocked.Read(ref _lastEndedTicks));

    public void Started() => Interlocked.Increment(ref _running);

    public void Ended()
    {
        Interlocked.Exchange(ref _lastEndedTicks, time.GetTimestamp());
        Interlocked.Increment(ref _endedCount);
        Interlocked.Decrement(ref _running);
    }
}

/// <summary>Tells <see cref="InvocationActivity"/> when each invocation starts and ends.</summary>
public sealed class InvocationActivityMiddleware(InvocationActivity activity) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        activity.Started();
        try
        {
            await next(context);
        }
        finally
        {
            activity.Ended();
        }
    }
}
