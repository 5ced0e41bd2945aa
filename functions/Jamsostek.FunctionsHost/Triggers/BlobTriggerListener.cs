using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Worker;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Storage;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// Every blobTrigger function of the app. A scan finds new or changed blobs (there is no Event Grid
/// locally, so EventGrid-sourced triggers are scanned too), writes an incomplete receipt and queues a
/// message on the host's blob trigger queue; processing that queue runs the function, marks the receipt
/// complete, and after maxDequeueCount failures sends the message to <c>webjobs-blobtrigger-poison</c>.
/// </summary>
internal sealed class BlobTriggerListener : ITriggerListener
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";
    private static readonly TimeSpan ReceiptLease = TimeSpan.FromSeconds(30);

    /// <summary>How long recording an outcome may still take once the host stops.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<(FunctionDefinition Function, BlobTriggerBinding Binding, BlobPathPattern Pattern)> _functions;
    private readonly FunctionApp _app;
    private readonly StorageClients _storage;
    private readonly QueueSignals _signals;
    private readonly HostActivity _activity;
    private readonly FunctionInvoker _invoker;
    private readonly ILogger _logger;
    private readonly string _hostId;
    private readonly TimeSpan _scanInterval;
    private readonly ConcurrentDictionary<string, byte> _settled = new();
    private readonly ConcurrentDictionary<string, byte> _queued = new();

    public BlobTriggerListener(IEnumerable<FunctionDefinition> functions, FunctionApp app, StorageClients storage, QueueSignals signals,
        HostActivity activity, FunctionInvoker invoker, ILogger logger, string hostId, TimeSpan scanInterval)
    {
        _functions = [.. functions.Select(f => (f, (BlobTriggerBinding)f.Trigger, new BlobPathPattern(((BlobTriggerBinding)f.Trigger).Path)))];
        _app = app;
        _storage = storage;
        _signals = signals;
        _activity = activity;
        _invoker = invoker;
        _logger = logger;
        _hostId = hostId;
        _scanInterval = scanInterval;
    }

    public string FunctionName => string.Join(",", _functions.Select(f => f.Function.Name));

    private string QueueName => QueueNameFor(_hostId);

    /// <summary>The host's queue of blobs found new, which runs their functions.</summary>
    public static string QueueNameFor(string hostId) => $"azure-webjobs-blobtrigger-{hostId}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hostContainer = await _storage.HostContainerAsync(cancellationToken);
        var receipts = new BlobReceipts(hostContainer, _hostId);
        var queue = await _storage.QueueAsync("", QueueName, cancellationToken);
        var processor = new QueueProcessor(queue, _app.Host.Queues, _signals, _activity,
            (message, ct) => ProcessAsync(message, receipts, ct), (message, ct) => PoisonAsync(message, receipts, ct), _logger, FunctionName);
        await Task.WhenAll(ScanLoopAsync(receipts, cancellationToken), processor.RunAsync(cancellationToken));
    }

    /// <summary>Runs the function now on "container/blob" (admin invocation), without receipts.</summary>
    public async Task<InvocationResult> InvokeWithInputAsync(FunctionDefinition function, string input, CancellationToken cancellationToken)
    {
        var entry = _functions.First(f => f.Function == function);
        var slash = input.IndexOf('/');
        var blob = _storage.Blobs(entry.Binding.Connection).GetBlobContainerClient(input[..Math.Max(slash, 0)]).GetBlobClient(input[(slash + 1)..]);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var values = entry.Pattern.Match(blob.Name) ?? new Dictionary<string, string>();
        return await _invoker.InvokeAsync(function, await InputsAsync(entry.Binding, blob, properties, values, cancellationToken), "admin invocation", cancellationToken);
    }

    private async Task ScanLoopAsync(BlobReceipts receipts, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var (function, binding, pattern) in _functions)
            {
                try
                {
                    await ScanAsync(function, binding, pattern, receipts, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // The container does not exist yet: nothing to trigger on, nothing to report.
                }
                catch (RequestFailedException ex)
                {
                    HostLog.BlobScanFailed(_logger, function.Name, pattern.Container, ex.Status, ex.ErrorCode ?? "");
                }
            }
            _activity.BlobScanCompleted();
            await Task.Delay(_scanInterval, cancellationToken);
        }
    }

    private async Task ScanAsync(FunctionDefinition function, BlobTriggerBinding binding, BlobPathPattern pattern, BlobReceipts receipts, CancellationToken cancellationToken)
    {
        var container = _storage.Blobs(binding.Connection).GetBlobContainerClient(pattern.Container);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = pattern.Prefix }, cancellationToken))
        {
            if (pattern.Match(blob.Name) is null)
            {
                continue;
            }
            var etag = blob.Properties.ETag!.Value.ToString("H");
            var key = $"{function.FullName}|{pattern.Container}|{blob.Name}|{etag}";
            if (_settled.ContainsKey(key) || _queued.ContainsKey(key))
            {
                continue;
            }
            try
            {
                await QueueIfNewAsync(function, pattern, receipts, blob.Name, etag, key, cancellationToken);
            }
            catch (RequestFailedException ex)
            {
                // One blob storage will not let us handle (yet) must not keep the blobs listed after it from running.
                HostLog.BlobNotQueued(_logger, function.Name, pattern.Container, blob.Name, ex.Status, ex.ErrorCode ?? "");
            }
        }
    }

    private async Task QueueIfNewAsync(FunctionDefinition function, BlobPathPattern pattern, BlobReceipts receipts, string blobName, string etag, string key,
        CancellationToken cancellationToken)
    {
        var receipt = receipts.Receipt(function.FullName, etag, pattern.Container, blobName);
        var complete = await BlobReceipts.IsCompleteAsync(receipt, cancellationToken);
        if (complete == true)
        {
            _settled.TryAdd(key, 0);
            return;
        }
        if (complete is null && !await BlobReceipts.TryCreateAsync(receipt, cancellationToken))
        {
            return; // Another instance saw it first and queued it.
        }
        if (complete == false)
        {
            // An incomplete receipt nobody works on: a run that died. Queue it again unless it is leased.
            await using var lease = await BlobLeaseHolder.TryAcquireAsync(receipt, TimeSpan.FromSeconds(15), cancellationToken);
            if (lease is null)
            {
                return;
            }
        }
        var message = new BlobTriggerMessage("BlobTrigger", function.FullName, "BlockBlob", pattern.Container, blobName, etag);
        var queue = await _storage.QueueAsync("", QueueName, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, BlobTriggerJsonContext.Default.BlobTriggerMessage), cancellationToken);
        _queued.TryAdd(key, 0);
        _signals.Notify(QueueName);
    }

    private async Task<bool> ProcessAsync(QueueMessage queueMessage, BlobReceipts receipts, CancellationToken cancellationToken)
    {
        var message = Parse(queueMessage);
        var entry = message is null ? default : _functions.FirstOrDefault(f => f.Function.FullName == message.FunctionId);
        if (message is null || entry.Function is null)
        {
            return true; // Not ours to run (an unknown or removed function): drop it, as the host does.
        }
        var key = $"{message.FunctionId}|{message.ContainerName}|{message.BlobName}|{message.ETag}";
        var blob = _storage.Blobs(entry.Binding.Connection).GetBlobContainerClient(message.ContainerName).GetBlobClient(message.BlobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            _queued.TryRemove(key, out _);
            return true; // Deleted since: nothing to run.
        }
        if (properties.ETag.ToString("H") != message.ETag)
        {
            _queued.TryRemove(key, out _);
            return true; // Changed since: the scan queues the new version.
        }
        var receipt = receipts.Receipt(message.FunctionId, message.ETag, message.ContainerName, message.BlobName);
        await BlobLeaseHolder.EnsureExistsAsync(receipt, cancellationToken);
        await using var lease = await BlobLeaseHolder.TryAcquireAsync(receipt, ReceiptLease, cancellationToken);
        if (lease is null || await BlobReceipts.IsCompleteAsync(receipt, cancellationToken) == true)
        {
            _queued.TryRemove(key, out _);
            return true; // Another instance is running it, or it is done.
        }
        var values = entry.Pattern.Match(message.BlobName) ?? new Dictionary<string, string>();
        var result = await _invoker.InvokeAsync(entry.Function, await InputsAsync(entry.Binding, blob, properties, values, cancellationToken),
            $"New blob detected: {message.ContainerName}/{message.BlobName}", cancellationToken);
        if (!result.Succeeded)
        {
            return false;
        }
        // A run that finished while the host stops is still settled (storage may be stopping too: briefly).
        using (var settling = new CancellationTokenSource(SettleLimit))
        {
            await BlobReceipts.MarkCompleteAsync(receipt, lease.LeaseId, settling.Token);
        }
        _queued.TryRemove(key, out _);
        _settled.TryAdd(key, 0);
        return true;
    }

    private async Task PoisonAsync(QueueMessage queueMessage, BlobReceipts receipts, CancellationToken cancellationToken)
    {
        var poison = await _storage.QueueAsync("", PoisonQueue, cancellationToken);
        await poison.SendMessageAsync(queueMessage.Body.ToString(), cancellationToken);
        if (Parse(queueMessage) is { } message)
        {
            // Settled as far as the trigger goes: the blob runs again only when it changes (a new ETag).
            var receipt = receipts.Receipt(message.FunctionId, message.ETag, message.ContainerName, message.BlobName);
            await using var lease = await BlobLeaseHolder.TryAcquireAsync(receipt, ReceiptLease, cancellationToken);
            if (lease is not null)
            {
                await BlobReceipts.MarkCompleteAsync(receipt, lease.LeaseId, cancellationToken);
            }
            var key = $"{message.FunctionId}|{message.ContainerName}|{message.BlobName}|{message.ETag}";
            _queued.TryRemove(key, out _);
            _settled.TryAdd(key, 0);
        }
    }

    /// <summary>
    /// What the Functions host sends for a blob trigger: model binding data naming the connection, container and blob
    /// when the function binds an SDK client (the worker reads the blob itself), otherwise the blob's bytes; and the
    /// trigger metadata BlobTrigger, Uri, Properties, Metadata and the path's named parts.
    /// </summary>
    private static async Task<InvocationInputs> InputsAsync(BlobTriggerBinding binding, BlobClient blob, BlobProperties properties,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase)
        {
            ["BlobTrigger"] = TypedValues.String($"{blob.BlobContainerName}/{blob.Name}"),
            ["Uri"] = TypedValues.Json(blob.Uri),
            ["Properties"] = TypedValues.Json(writer => BlobPropertiesJson.Write(writer, properties)),
            ["Metadata"] = TypedValues.Json(writer => BlobPropertiesJson.WriteMetadata(writer, properties.Metadata)),
        };
        foreach (var (name, value) in values)
        {
            metadata[name] = TypedValues.String(value);
        }
        TypedData data;
        if (binding.ValueKind == TriggerValueKind.ModelBindingData)
        {
            var connection = string.IsNullOrEmpty(binding.Connection) ? AppSettings.StorageConnection : binding.Connection;
            data = TypedValues.ModelBindingData("AzureStorageBlobs", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("Connection", connection);
                writer.WriteString("ContainerName", blob.BlobContainerName);
                writer.WriteString("BlobName", blob.Name);
                writer.WriteEndObject();
            });
        }
        else
        {
            // The version that fired, not a newer one written meanwhile.
            var content = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
            data = TypedValues.Bytes(content.Value.Content.ToMemory());
        }
        return new InvocationInputs([new ParameterBinding { Name = binding.Name, Data = data }], metadata);
    }

    private static BlobTriggerMessage? Parse(QueueMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Body.ToString(), BlobTriggerJsonContext.Default.BlobTriggerMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
