using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// Keeps a message invisible while its function runs, renewing the visibility timeout, so a crashed host
/// loses the message for at most one lease period and a long run never lets another instance take it.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MessageLease(QueueClient queue, QueueMessage message)
    {
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _renewal = RenewAsync();
    }

    public string PopReceipt { get; private set; }

    /// <summary>Stops renewing; after this the message is the caller's to delete or release.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewal;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _gate.Dispose();
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            await Task.Delay(Period / 3, _stop.Token);
            await _gate.WaitAsync(_stop.Token);
            try
            {
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: Period, cancellationToken: _stop.Token);
                PopReceipt = receipt.Value.PopReceipt;
            }
            catch (RequestFailedException)
            {
                // The message is gone or was taken over; the invocation's own outcome decides the rest.
                return;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
