using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.FunctionsHost.App;

/// <summary>Reads host.json from the script root, as the Functions host does at start.</summary>
public static class HostJson
{
    public static HostConfiguration Load(string scriptRoot)
    {
        var path = Path.Combine(scriptRoot, "host.json");
        if (!File.Exists(path))
        {
            throw new FunctionAppException($"No host.json in {scriptRoot}: is this the app's build or publish folder?");
        }
        var json = JsonFiles.ReadObject(path);
        var version = JsonFiles.Text(json, "version") ?? throw new FunctionAppException("host.json has no \"version\" (expected \"2.0\").");
        if (version != "2.0")
        {
            throw new FunctionAppException($"host.json version \"{version}\" is not supported; the Functions host runs \"2.0\".");
        }
        var extensions = JsonFiles.Child(json, "extensions");
        var queues = extensions is null ? null : JsonFiles.Child(extensions, "queues");
        var http = extensions is null ? null : JsonFiles.Child(extensions, "http");
        return new HostConfiguration
        {
            Version = version,
            RoutePrefix = (http is null ? null : JsonFiles.Text(http, "routePrefix")) ?? "api",
            Queues = queues is null ? new QueueHostOptions() : ReadQueues(queues),
            FunctionTimeout = Duration(json, "functionTimeout") ?? TimeSpan.FromMinutes(30),
        };
    }

    private static QueueHostOptions ReadQueues(JsonObject queues)
    {
        var defaults = new QueueHostOptions();
        var batchSize = JsonFiles.Number(queues, "batchSize") ?? defaults.BatchSize;
        if (batchSize is < 1 or > 32)
        {
            throw new FunctionAppException("host.json extensions.queues.batchSize must be between 1 and 32.");
        }
        var polling = Duration(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval;
        return new QueueHostOptions
        {
            BatchSize = batchSize,
            NewBatchThreshold = JsonFiles.Number(queues, "newBatchThreshold") ?? batchSize / 2,
            MaxDequeueCount = JsonFiles.Number(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            VisibilityTimeout = Duration(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            MaxPollingInterval = polling < defaults.MaxPollingInterval ? polling : defaults.MaxPollingInterval,
            Base64Messages = !string.Equals(JsonFiles.Text(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static TimeSpan? Duration(JsonObject json, string name) =>
        JsonFiles.Text(json, name) is { } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : throw new FunctionAppException($"'{name}' must be a duration like 00:00:30, not '{text}'.")
            : null;
}
