using System.Collections.Concurrent;

namespace Jamsostek.FunctionsHost;

/// <summary>
/// What the host's triggers have done so far: blob scans, queue polls and finished invocations, counted. A test that
/// asserts nothing happened ("still once", "a disabled function does not run") first waits here until the host has
/// looked after the test's action, so that the assertion could fail; no fixed wait.
/// </summary>
public sealed class HostActivity
{
    private const string BlobScanKey = "blob-scans";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Blob scans completed: the containers of every enabled blob-triggered function listed once.</summary>
    public long BlobScans => Count(BlobScanKey);

    /// <summary>Receive calls completed on a queue by its listener (the host's blob trigger queue too), whether they got messages or not.</summary>
    public long QueuePolls(string queue) => Count(QueueKey(queue));

    /// <summary>Messages of a queue its listener has received and not yet settled (deleted, made visible again or poisoned).</summary>
    public long InHand(string queue) => Count(ReceivedKey(queue)) - Count(SettledKey(queue));

    /// <summary>Invocations of a function (its name, as "ValidateChunk") that finished, succeeded or failed, however they were triggered.</summary>
    public long Invocations(string function) => Count(InvocationKey(function));

    /// <summary>Invocations of the function under way now.</summary>
    public long Running(string function) => Count(StartedKey(function)) - Invocations(function);

    /// <summary>
    /// Waits for <paramref name="count"/> whole blob scans that began after this call: the scan under way may have
    /// listed the container before the test changed it, so it does not count.
    /// </summary>
    public Task BlobScansAsync(int count = 1, TimeSpan? timeout = null)
    {
        var target = BlobScans + count + 1;
        return WaitUntilAsync(activity => activity.BlobScans >= target, timeout, $"{count} blob scans");
    }

    /// <summary>Waits for <paramref name="count"/> whole polls of the queue that began after this call.</summary>
    public Task QueuePollsAsync(string queue, int count = 1, TimeSpan? timeout = null)
    {
        var target = QueuePolls(queue) + count + 1;
        return WaitUntilAsync(activity => activity.QueuePolls(queue) >= target, timeout, $"{count} polls of {queue}");
    }

    /// <summary>Waits until <paramref name="count"/> more invocations of the function than now have finished.</summary>
    public Task InvocationsAsync(string function, int count = 1, TimeSpan? timeout = null)
    {
        var target = Invocations(function) + count;
        return WaitUntilAsync(activity => activity.Invocations(function) >= target, timeout, $"{count} invocations of {function}");
    }

    /// <summary>Waits until the counts satisfy <paramref name="condition"/>, looking again whenever one changes.</summary>
    public async Task WaitUntilAsync(Func<HostActivity, bool> condition, TimeSpan? timeout = null, string what = "the host's activity")
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cancellation = new CancellationTokenSource(limit);
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition(this))
            {
                return;
            }
            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }
        }
    }

    internal void BlobScanCompleted() => Increment(BlobScanKey);

    /// <summary>A receive call completed with <paramref name="messages"/> messages (counted in hand before the poll counts).</summary>
    internal void QueuePolled(string queue, int messages)
    {
        if (messages > 0)
        {
            _counts.AddOrUpdate(ReceivedKey(queue), messages, (_, count) => count + messages);
        }
        Increment(QueueKey(queue));
    }

    internal void MessageSettled(string queue) => Increment(SettledKey(queue));

    internal void InvocationStarted(string function) => Increment(StartedKey(function));

    internal void InvocationFinished(string function) => Increment(InvocationKey(function));

    private static string QueueKey(string queue) => "queue-polls/" + queue;

    private static string ReceivedKey(string queue) => "messages-received/" + queue;

    private static string SettledKey(string queue) => "messages-settled/" + queue;

    private static string InvocationKey(string function) => "invocations/" + function;

    private static string StartedKey(string function) => "invocations-started/" + function;

    private long Count(string key) => _counts.GetValueOrDefault(key);

    private void Increment(string key)
    {
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
