using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Jamsostek.LocalHost.App;
using Jamsostek.LocalHost.Handler;
using Jamsostek.LocalHost.Storage;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Triggers;

/// <summary>A queueTrigger function: messages from its queue, poison ones to <c>{queue}-poison</c>.</summary>
internal sealed class QueueTriggerListener(
    FunctionDefinition function,
    QueueTriggerBinding binding,
    FunctionApp app,
    StorageClients storage,
    QueueSignals signals,
    FunctionInvoker invoker,
    ILogger logger) : ITriggerListener
{
    public string FunctionName => function.Name;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = storage.Queues(binding.Connection).GetQueueClient(binding.QueueName);
        var processor = new QueueProcessor(queue, app.Host.Queues, signals, InvokeAsync, PoisonAsync, logger, function.Name);
        return processor.RunAsync(cancellationToken);
    }

    /// <summary>Runs the function now with the given text as the message (admin invocation).</summary>
    public Task<InvocationResult> InvokeWithInputAsync(string input, CancellationToken cancellationToken) =>
        invoker.InvokeAsync(function, Payload(input, new JsonObject()), "admin invocation", cancellationToken);

    private async Task<bool> InvokeAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject
        {
            ["DequeueCount"] = message.DequeueCount,
            ["ExpirationTime"] = message.ExpiresOn?.ToString("O"),
            ["Id"] = message.MessageId,
            ["InsertionTime"] = message.InsertedOn?.ToString("O"),
            ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O"),
            ["PopReceipt"] = message.PopReceipt,
        };
        var result = await invoker.InvokeAsync(function, Payload(message.Body.ToString(), metadata),
            $"New queue message detected on '{binding.QueueName}'", cancellationToken);
        return result.Succeeded;
    }

    private InvocationPayload Payload(string text, JsonObject metadata)
    {
        // The properties of a JSON message are binding data too, as the host makes them.
        if (TryParseObject(text) is { } json)
        {
            foreach (var (key, value) in json)
            {
                if (!metadata.ContainsKey(key))
                {
                    metadata[key] = value?.DeepClone();
                }
            }
        }
        metadata["sys"] = InvocationPayload.SystemMetadata(function.Name);
        return new InvocationPayload(new JsonObject { [binding.Name] = text }, metadata);
    }

    private async Task PoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(binding.Connection, binding.QueueName + "-poison", cancellationToken);
        await poison.SendMessageAsync(message.Body.ToString(), cancellationToken);
    }

    private static JsonObject? TryParseObject(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
