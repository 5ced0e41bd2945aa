using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>
/// A queue trigger read as text, with its return value on a queue output. The message says what to do:
/// <c>fail</c> throws, <c>slow:{ms}</c> takes that long, <c>crash-once:{marker}</c> kills the worker the first time.
/// </summary>
public sealed class QueueWork(Recorder recorder)
{
    [Function(nameof(QueueWork))]
    [QueueOutput("%OutQueue%")]
    public async Task<string> RunAsync([QueueTrigger("%WorkQueue%")] string work, FunctionContext context)
    {
        var started = DateTimeOffset.UtcNow;
        if (work.StartsWith("slow:", StringComparison.Ordinal))
        {
            await Task.Delay(int.Parse(work["slow:".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        await recorder.RecordAsync(context, new Dictionary<string, object?>
        {
            ["work"] = work,
            ["started"] = started,
            ["finished"] = DateTimeOffset.UtcNow,
        });
        if (work.StartsWith("crash-once:", StringComparison.Ordinal))
        {
            Crash.Once(work["crash-once:".Length..]);
        }
        if (work.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Told to fail.");
        }
        return $"done {work}";
    }
}

/// <summary>A queue trigger bound to the SDK's QueueMessage (model binding data).</summary>
public sealed class QueueMessageWork(Recorder recorder)
{
    [Function(nameof(QueueMessageWork))]
    public Task RunAsync([QueueTrigger("%MessageQueue%")] QueueMessage message, FunctionContext context) =>
        recorder.RecordAsync(context, new Dictionary<string, object?>
        {
            ["messageId"] = message.MessageId,
            ["messageText"] = message.MessageText,
            ["dequeueCount"] = message.DequeueCount,
            ["insertedOn"] = message.InsertedOn,
        });
}
