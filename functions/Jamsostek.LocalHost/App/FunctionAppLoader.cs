using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.LocalHost.App;

/// <summary>Reads host.json and each <c>*/function.json</c> below the script root, the files Azure reads.</summary>
public static class FunctionAppLoader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FunctionApp Load(string scriptRoot, AppSettings settings)
    {
        var root = Path.GetFullPath(scriptRoot);
        var hostJsonPath = Path.Combine(root, "host.json");
        if (!File.Exists(hostJsonPath))
        {
            throw new FunctionAppException($"No host.json in {root}: is this the app's build or publish folder?");
        }
        var host = ReadHost(ReadObject(hostJsonPath));
        var functions = new List<FunctionDefinition>();
        var errors = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var functionJson = Path.Combine(directory, "function.json");
            if (File.Exists(functionJson))
            {
                try
                {
                    functions.Add(ReadFunction(Path.GetFileName(directory), ReadObject(functionJson), settings));
                }
                catch (UnresolvedSettingException ex)
                {
                    // As the Functions host does: that function is in error, the others run.
                    errors.Add(ex.Message);
                }
            }
        }
        return new FunctionApp(root, host, functions, errors);
    }

    private static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonOptions) as JsonObject
                ?? throw new FunctionAppException($"{path} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FunctionAppException($"{path} is not valid JSON: {ex.Message}");
        }
    }

    private static HostConfiguration ReadHost(JsonObject json)
    {
        var version = Text(json, "version") ?? throw new FunctionAppException("host.json has no \"version\" (expected \"2.0\").");
        if (version != "2.0")
        {
            throw new FunctionAppException($"host.json version \"{version}\" is not supported; the Functions host runs \"2.0\".");
        }
        var customHandler = Child(json, "customHandler")
            ?? throw new FunctionAppException("host.json has no \"customHandler\" section: this host runs custom handlers only.");
        var description = Child(customHandler, "description")
            ?? throw new FunctionAppException("host.json customHandler has no \"description\".");
        var executable = Text(description, "defaultExecutablePath")
            ?? throw new FunctionAppException("host.json customHandler.description has no \"defaultExecutablePath\".");
        var arguments = description["arguments"] is JsonArray args ? args.Select(a => a!.GetValue<string>()).ToList() : [];

        var extensions = Child(json, "extensions");
        var queues = extensions is null ? null : Child(extensions, "queues");
        var http = extensions is null ? null : Child(extensions, "http");
        var defaults = new QueueHostOptions();
        var queueOptions = queues is null ? defaults : new QueueHostOptions
        {
            BatchSize = Number(queues, "batchSize") ?? defaults.BatchSize,
            NewBatchThreshold = Number(queues, "newBatchThreshold") ?? (Number(queues, "batchSize") ?? defaults.BatchSize) / 2,
            MaxDequeueCount = Number(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            VisibilityTimeout = Duration(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            MaxPollingInterval = Min(Duration(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval, defaults.MaxPollingInterval),
            Base64Messages = !string.Equals(Text(queues, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase),
        };
        if (queueOptions.BatchSize is < 1 or > 32)
        {
            throw new FunctionAppException("host.json extensions.queues.batchSize must be between 1 and 32.");
        }

        return new HostConfiguration
        {
            Version = version,
            CustomHandler = new CustomHandlerDescription(executable, Text(description, "workingDirectory"), arguments),
            ForwardHttpRequests = Flag(customHandler, "enableForwardingHttpRequest") || Flag(customHandler, "enableProxyingHttpRequest"),
            RoutePrefix = (http is null ? null : Text(http, "routePrefix")) ?? "api",
            Queues = queueOptions,
            FunctionTimeout = Duration(json, "functionTimeout") ?? TimeSpan.FromMinutes(30),
        };
    }

    private static FunctionDefinition ReadFunction(string name, JsonObject json, AppSettings settings)
    {
        if (json["bindings"] is not JsonArray bindings)
        {
            throw new FunctionAppException($"Function {name}: function.json has no \"bindings\" array.");
        }
        TriggerBinding? trigger = null;
        var outputs = new List<QueueOutputBinding>();
        foreach (var node in bindings)
        {
            if (node is not JsonObject binding)
            {
                continue;
            }
            var type = Text(binding, "type") ?? throw new FunctionAppException($"Function {name}: a binding has no \"type\".");
            var bindingName = Text(binding, "name") ?? throw new FunctionAppException($"Function {name}: the {type} binding has no \"name\".");
            var direction = Text(binding, "direction") ?? "in";
            string Required(string property) =>
                settings.Expand(Text(binding, property) ?? throw new FunctionAppException($"Function {name}: the {type} binding has no \"{property}\"."), name);
            var connection = Text(binding, "connection") ?? "";

            TriggerBinding? found = type.ToLowerInvariant() switch
            {
                "blobtrigger" => new BlobTriggerBinding(bindingName, Required("path"), connection,
                    string.Equals(Text(binding, "source"), "EventGrid", StringComparison.OrdinalIgnoreCase) ? BlobTriggerSource.EventGrid : BlobTriggerSource.LogsAndContainerScan,
                    string.Equals(Text(binding, "dataType"), "string", StringComparison.OrdinalIgnoreCase)),
                "queuetrigger" => new QueueTriggerBinding(bindingName, Required("queueName"), connection),
                "timertrigger" => new TimerTriggerBinding(bindingName, Required("schedule"), Flag(binding, "runOnStartup"),
                    binding["useMonitor"] is JsonValue ? Flag(binding, "useMonitor") : null),
                "httptrigger" => new HttpTriggerBinding(bindingName, Text(binding, "route"),
                    binding["methods"] is JsonArray methods ? [.. methods.Select(m => m!.GetValue<string>().ToUpperInvariant())] : [],
                    ParseAuthLevel(name, Text(binding, "authLevel"))),
                _ when type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) =>
                    throw new FunctionAppException($"Function {name}: trigger type '{type}' is not run by the local host (blobTrigger, queueTrigger, timerTrigger, httpTrigger are)."),
                _ => null,
            };
            if (found is not null)
            {
                if (trigger is not null)
                {
                    throw new FunctionAppException($"Function {name}: function.json declares more than one trigger.");
                }
                trigger = found;
            }
            else if (type.Equals("queue", StringComparison.OrdinalIgnoreCase) && direction.Equals("out", StringComparison.OrdinalIgnoreCase))
            {
                outputs.Add(new QueueOutputBinding(bindingName, Required("queueName"), connection));
            }
        }
        return new FunctionDefinition(name, trigger ?? throw new FunctionAppException($"Function {name}: function.json declares no trigger."), outputs);
    }

    private static AuthLevel ParseAuthLevel(string function, string? value) => value?.ToLowerInvariant() switch
    {
        null or "function" => AuthLevel.Function,
        "anonymous" => AuthLevel.Anonymous,
        "admin" or "system" => AuthLevel.Admin,
        _ => throw new FunctionAppException($"Function {function}: authLevel '{value}' is not anonymous, function or admin."),
    };

    private static JsonObject? Child(JsonObject json, string name) => Get(json, name) as JsonObject;

    private static string? Text(JsonObject json, string name) =>
        Get(json, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Flag(JsonObject json, string name) => Get(json, name) switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => bool.TryParse(text, out var parsed) && parsed,
        _ => false,
    };

    private static int? Number(JsonObject json, string name) =>
        Get(json, name) is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static TimeSpan? Duration(JsonObject json, string name) =>
        Text(json, name) is { } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : throw new FunctionAppException($"'{name}' must be a duration like 00:00:30, not '{text}'.")
            : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Property names in the Functions files are case-insensitive.
    private static JsonNode? Get(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
