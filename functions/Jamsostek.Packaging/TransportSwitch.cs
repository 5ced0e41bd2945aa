using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.Packaging;

/// <summary>
/// Rewrites a function app folder (host.json and one folder per function with its function.json) so that every
/// Storage queue binding on the chosen queues becomes the Service Bus binding of the same name and direction:
/// <c>queueTrigger</c> becomes <c>serviceBusTrigger</c>, a <c>queue</c> output becomes <c>serviceBus</c>, with the
/// Service Bus connection. Driven by the bindings found, not by a list of functions, so a function added later
/// with a binding on the same queue moves with the others. Handler code is untouched: the custom handler gets the
/// message and its metadata the same way.
/// </summary>
public static class TransportSwitch
{
    /// <summary>The queues the app's validation work travels on.</summary>
    public static IReadOnlyList<string> DefaultQueues { get; } = ["validation"];

    /// <summary>The setting prefix of the identity-based Service Bus connection (<c>ServiceBusConnection__fullyQualifiedNamespace</c>).</summary>
    public const string DefaultServiceBusConnection = "ServiceBusConnection";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>
    /// Applies <paramref name="transport"/> to the function app in <paramref name="scriptRoot"/>; returns the
    /// functions whose function.json changed. Storage queues change nothing (the source files declare them).
    /// </summary>
    public static IReadOnlyList<string> Apply(string scriptRoot, QueueTransport transport, IReadOnlyCollection<string>? queues = null,
        string connection = DefaultServiceBusConnection)
    {
        var hostJsonPath = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(hostJsonPath))
        {
            throw new TransportSwitchException($"{scriptRoot} is not a function app folder: it has no host.json.");
        }
        if (transport == QueueTransport.StorageQueue)
        {
            return [];
        }

        queues ??= DefaultQueues;
        var changed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(scriptRoot).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, "function.json");
            if (!File.Exists(path))
            {
                continue;
            }
            var function = ReadObject(path);
            if (ToServiceBus(function, queues, connection))
            {
                Write(path, function);
                changed.Add(Path.GetFileName(folder));
            }
        }
        if (changed.Count == 0)
        {
            throw new TransportSwitchException(
                $"No function in {scriptRoot} has a Storage queue binding on {string.Join(", ", queues)}: nothing to move to Service Bus.");
        }

        var host = ReadObject(hostJsonPath);
        AddServiceBusExtension(host);
        Write(hostJsonPath, host);
        return changed;
    }

    /// <summary>Rewrites the Storage queue bindings on <paramref name="queues"/> in one function.json; true when any changed.</summary>
    public static bool ToServiceBus(JsonObject function, IReadOnlyCollection<string> queues, string connection = DefaultServiceBusConnection)
    {
        if (function["bindings"] is not JsonArray bindings)
        {
            return false;
        }
        var changed = false;
        for (var i = 0; i < bindings.Count; i++)
        {
            if (bindings[i] is not JsonObject binding
                || Property(binding, "queueName")?.GetValue<string>() is not { } queueName
                || !queues.Contains(queueName, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var type = Property(binding, "type")?.GetValue<string>();
            var serviceBusType = type?.ToLowerInvariant() switch
            {
                "queuetrigger" => "serviceBusTrigger",
                "queue" => "serviceBus",
                _ => null,
            };
            if (serviceBusType is null)
            {
                continue;
            }
            bindings[i] = ServiceBusBinding(binding, serviceBusType, queueName, connection);
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// The Service Bus binding in the shape the Functions host reads: type, direction, name, queueName,
    /// connection, then any other property the Storage binding had (a <c>dataType</c>, say).
    /// </summary>
    private static JsonObject ServiceBusBinding(JsonObject storageBinding, string type, string queueName, string connection)
    {
        var result = new JsonObject
        {
            ["type"] = type,
            ["direction"] = Property(storageBinding, "direction")?.DeepClone(),
            ["name"] = Property(storageBinding, "name")?.DeepClone(),
            ["queueName"] = queueName,
            ["connection"] = connection,
        };
        string[] replaced = ["type", "direction", "name", "queueName", "connection"];
        foreach (var (key, value) in storageBinding)
        {
            if (!replaced.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }

    /// <summary>
    /// host.json's <c>extensions.serviceBus</c>, mirroring the queue settings: as many messages at once as the
    /// Storage queue batch, and the message lock renewed for as long as a function may run.
    /// </summary>
    private static void AddServiceBusExtension(JsonObject host)
    {
        var extensions = Property(host, "extensions") as JsonObject ?? [];
        host["extensions"] = extensions;
        var queueSettings = Property(extensions, "queues") as JsonObject;
        var serviceBus = Property(extensions, "serviceBus") as JsonObject ?? [];
        extensions["serviceBus"] = serviceBus;
        if (Property(serviceBus, "maxConcurrentCalls") is null && queueSettings is not null && Property(queueSettings, "batchSize") is { } batchSize)
        {
            serviceBus["maxConcurrentCalls"] = batchSize.DeepClone();
        }
        if (Property(serviceBus, "maxAutoLockRenewalDuration") is null && Property(host, "functionTimeout") is { } timeout)
        {
            serviceBus["maxAutoLockRenewalDuration"] = timeout.DeepClone();
        }
    }

    /// <summary>function.json and host.json keys are case-insensitive to the host.</summary>
    private static JsonNode? Property(JsonObject node, string name) =>
        node.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new TransportSwitchException($"{path} is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new TransportSwitchException($"{path} is not valid JSON: {ex.Message}");
        }
    }

    private static void Write(string path, JsonObject node) => File.WriteAllText(path, node.ToJsonString(Indented) + "\n");
}

public sealed class TransportSwitchException(string message) : Exception(message);
