using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Storage;
using Jamsostek.FunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>A queueTrigger function: messages from its queue, poison ones to <c>{queue}-poison</c>.</summary>
internal sealed class QueueTriggerListener(
    FunctionDefinition function,
    QueueTriggerBinding binding,
    FunctionApp app,
    StorageClients storage,
    QueueSignals signals,
    HostActivity activity,
    FunctionInvoker invoker,
    ILogger logger) : ITriggerListener
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string FunctionName => function.Name;

    private string QueueName => binding.QueueName.ToLowerInvariant();

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = storage.Queues(binding.Connection).GetQueueClient(QueueName);
        var processor = new QueueProcessor(queue, app.Host.Queues, signals, activity, InvokeAsync, PoisonAsync, logger, function.Name);
        return processor.RunAsync(cancellationToken);
    }

    /// <summary>
    /// Runs the function now with the given text as the message (admin invocation): as the host turns a string into a
    /// queue message, with no id and a dequeue count of 0.
    /// </summary>
    public Task<InvocationResult> InvokeWithInputAsync(string input, CancellationToken cancellationToken) =>
        invoker.InvokeAsync(function, Inputs(QueuesModelFactory.QueueMessage(null, null, BinaryData.FromString(input), 0)), "admin invocation", cancellationToken);

    private async Task<bool> InvokeAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var result = await invoker.InvokeAsync(function, Inputs(message), $"New queue message detected on '{QueueName}'", cancellationToken);
        return result.Succeeded;
    }

    /// <summary>
    /// The message as the function's parameter asks for it (text, bytes, or the SDK's QueueMessage as model binding
    /// data) and the trigger metadata the queue extension makes: QueueTrigger, DequeueCount, Id, the three times,
    /// PopReceipt, and for a JSON message given as text its top-level properties (which win over the others).
    /// </summary>
    private InvocationInputs Inputs(QueueMessage message)
    {
        var text = TryDecode(message.Body);
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase)
        {
            ["DequeueCount"] = TypedValues.Json(message.DequeueCount),
            ["ExpirationTime"] = TypedValues.Json(message.ExpiresOn ?? DateTimeOffset.MaxValue),
            ["InsertionTime"] = TypedValues.Json(message.InsertedOn ?? DateTimeOffset.UtcNow),
            ["NextVisibleTime"] = TypedValues.Json(message.NextVisibleOn ?? DateTimeOffset.MaxValue),
        };
        if (text is not null)
        {
            metadata["QueueTrigger"] = TypedValues.String(text);
        }
        if (message.MessageId is not null)
        {
            metadata["Id"] = TypedValues.String(message.MessageId);
        }
        if (message.PopReceipt is not null)
        {
            metadata["PopReceipt"] = TypedValues.String(message.PopReceipt);
        }
        TypedData data;
        switch (binding.ValueKind)
        {
            case TriggerValueKind.ModelBindingData:
                data = TypedValues.ModelBindingData("AzureStorageQueues", writer => WriteMessage(writer, message));
                break;
            case TriggerValueKind.Bytes:
                data = TypedValues.Bytes(message.Body.ToMemory());
                break;
            default:
                data = TypedValues.String(text ?? "");
                AddJsonProperties(text, metadata);
                break;
        }
        return new InvocationInputs([new ParameterBinding { Name = binding.Name, Data = data }], metadata);
    }

    private static void AddJsonProperties(string? text, Dictionary<string, TypedData> metadata)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || !trimmed.StartsWith('{') || !trimmed.EndsWith('}'))
        {
            return;
        }
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(trimmed) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }
        foreach (var (key, value) in json ?? [])
        {
            switch (value)
            {
                case null or JsonArray:
                    break;
                case JsonObject nested:
                    metadata[key] = TypedValues.Json(nested.ToJsonString());
                    break;
                case JsonValue scalar when scalar.TryGetValue<bool>(out var flag):
                    metadata[key] = TypedValues.String(flag ? "True" : "False");
                    break;
                case JsonValue scalar when scalar.TryGetValue<string>(out var s):
                    metadata[key] = TypedValues.String(s);
                    break;
                case JsonValue scalar:
                    metadata[key] = TypedValues.String(scalar.ToJsonString());
                    break;
            }
        }
    }

    private static void WriteMessage(Utf8JsonWriter writer, QueueMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("MessageId", message.MessageId);
        writer.WriteString("PopReceipt", message.PopReceipt);
        writer.WriteString("MessageText", message.MessageText);
        writer.WriteBase64String("Body", message.Body.ToMemory().Span);
        WriteDate(writer, "NextVisibleOn", message.NextVisibleOn);
        WriteDate(writer, "InsertedOn", message.InsertedOn);
        WriteDate(writer, "ExpiresOn", message.ExpiresOn);
        writer.WriteNumber("DequeueCount", message.DequeueCount);
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string? TryDecode(BinaryData body)
    {
        try
        {
            return StrictUtf8.GetString(body.ToMemory().Span);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private async Task PoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(binding.Connection, QueueName + "-poison", cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
    }
}
