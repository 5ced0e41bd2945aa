using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>A blob trigger bound to the SDK's BlobClient, with named path parts and a queue output of two messages.</summary>
public sealed class BlobWatch(Recorder recorder)
{
    [Function(nameof(BlobWatch))]
    [QueueOutput("%OutQueue%")]
    public async Task<string[]> RunAsync([BlobTrigger("%BlobContainer%/{region}/{name}")] BlobClient blob, string region, string name, FunctionContext context)
    {
        var content = (await blob.DownloadContentAsync(context.CancellationToken)).Value;
        await recorder.RecordAsync(context, new Dictionary<string, object?>
        {
            ["container"] = blob.BlobContainerName,
            ["blob"] = blob.Name,
            ["region"] = region,
            ["name"] = name,
            ["content"] = content.Content.ToString(),
        });
        if (content.Content.ToString().StartsWith("crash-once:", StringComparison.Ordinal))
        {
            Crash.Once(content.Content.ToString()["crash-once:".Length..]);
        }
        return [$"{region}/{name}", $"second {name}"];
    }
}

/// <summary>A blob trigger read as a stream: what a large upload looks like to the worker.</summary>
public sealed class BlobStream(Recorder recorder)
{
    [Function(nameof(BlobStream))]
    public async Task RunAsync([BlobTrigger("%LargeContainer%/{name}")] Stream content, string name, FunctionContext context)
    {
        var hash = await SHA256.HashDataAsync(content, context.CancellationToken);
        await recorder.RecordAsync(context, new Dictionary<string, object?>
        {
            ["name"] = name,
            ["sha256"] = Convert.ToHexStringLower(hash),
        });
    }
}

/// <summary>A blob trigger read as text that fails when the blob says so.</summary>
public sealed class BlobFails(Recorder recorder)
{
    [Function(nameof(BlobFails))]
    public async Task RunAsync([BlobTrigger("%FailContainer%/{name}", Source = BlobTriggerSource.EventGrid)] string content, string name, FunctionContext context)
    {
        await recorder.RecordAsync(context, new Dictionary<string, object?> { ["name"] = name, ["content"] = content });
        if (content.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Told to fail by {name}.");
        }
    }
}
