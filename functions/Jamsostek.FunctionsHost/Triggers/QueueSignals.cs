using System.Collections.Concurrent;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// Wakes a queue listener as soon as this host itself wrote to its queue (the real host's shared queue
/// watcher does the same), instead of waiting out the polling back-off.
/// </summary>
public sealed class QueueSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.OrdinalIgnoreCase);

    public void Notify(string queueName)
    {
        if (_signals.TryGetValue(queueName, out var signal) && signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    /// <summary>Waits for a write to the queue or the delay, whichever comes first.</summary>
    public async Task WaitAsync(string queueName, TimeSpan delay, CancellationToken cancellationToken)
    {
        var signal = _signals.GetOrAdd(queueName, _ => new SemaphoreSlim(0, 1));
        await signal.WaitAsync(delay, cancellationToken);
    }
}
