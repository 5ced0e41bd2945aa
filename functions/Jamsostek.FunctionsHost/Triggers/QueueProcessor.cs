using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Jamsostek.FunctionsHost.App;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// The queue listener's loop, as the Functions host runs it: fetch up to batchSize messages, run them in
/// parallel, fetch again once no more than newBatchThreshold are still running; on failure make the message
/// visible again after visibilityTimeout; after maxDequeueCount attempts hand it to the poison handler.
/// An empty queue is polled with exponential back-off up to maxPollingInterval.
/// </summary>
internal sealed class QueueProcessor(
    QueueClient queue,
    QueueHostOptions options,
    QueueSignals signals,
    HostActivity activity,
    Func<QueueMessage, CancellationToken, Task<bool>> process,
    Func<QueueMessage, CancellationToken, Task> poison,
    ILogger logger,
    string functionName)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long settling a message (delete, poison, make visible again) may still take once the host stops.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    /// <summary>Cancelled <see cref="SettleLimit"/> after the host begins to stop, not before: an outcome is settled even then.</summary>
    private readonly CancellationTokenSource _settling = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopping = cancellationToken.Register(() => _settling.CancelAfter(SettleLimit));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var running = new List<Task>();
        try
        {
            await PollAsync(running, cancellationToken);
        }
        finally
        {
            // Stopping ends the polling at once (mid-wait or mid-receive), but the messages already handed out run to
            // their outcome and are settled, as the Functions host drains its invocations in flight.
            await Task.WhenAll(running);
        }
    }

    private async Task PollAsync(List<Task> running, CancellationToken cancellationToken)
    {
        var delay = MinimumPollingInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            if (running.Count > options.NewBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, MessageLease.Period, cancellationToken)).Value;
            }
            catch (RequestFailedException ex)
            {
                HostLog.QueuePollFailed(logger, functionName, queue.Name, ex.Status, ex.ErrorCode ?? "");
                messages = [];
            }
            activity.QueuePolled(queue.Name, messages.Length);
            if (messages.Length == 0)
            {
                await signals.WaitAsync(queue.Name, delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }
            delay = MinimumPollingInterval;
            running.AddRange(messages.Select(message => Task.Run(() => HandleAsync(message, cancellationToken), CancellationToken.None)));
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await SettleAsync(message, cancellationToken);
        }
        finally
        {
            activity.MessageSettled(queue.Name);
        }
    }

    private async Task SettleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                // Delivered more often than allowed without an outcome (a host died mid-run): poison it unrun.
                await MoveToPoisonAsync(message, message.PopReceipt, cancellationToken);
                return;
            }
            bool succeeded;
            string popReceipt;
            await using (var lease = new MessageLease(queue, message))
            {
                try
                {
                    succeeded = await process(message, cancellationToken);
                }
                finally
                {
                    await lease.StopAsync();
                }
                popReceipt = lease.PopReceipt;
            }
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, _settling.Token);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, popReceipt, _settling.Token);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: _settling.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lease runs out.
        }
        catch (RequestFailedException ex)
        {
            // Someone else owns the message now (its visibility lapsed); the next delivery decides.
            HostLog.QueueMessageLost(logger, functionName, queue.Name, message.MessageId, ex.Status);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is AggregateException or OperationCanceledException)
        {
            // Shutting down and storage no longer answers (it may be stopping too): the message reappears after its lease.
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        await poison(message, cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken);
        HostLog.MovedToPoison(logger, functionName, queue.Name, message.MessageId, message.DequeueCount);
    }
}
