using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jamsostek.FunctionsHost.Rpc;

namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// Turns the worker's own function metadata (worker indexing: each binding as the raw JSON the SDK generated) into
/// the functions the host runs. A function whose binding names an undefined <c>%Setting%</c> is in error, as in
/// Azure, and the others run.
/// </summary>
public static partial class FunctionIndex
{
    public static (IReadOnlyList<FunctionDefinition> Functions, IReadOnlyList<string> Errors) Build(
        IEnumerable<RpcFunctionMetadata> metadata, AppSettings settings)
    {
        var functions = new List<FunctionDefinition>();
        var errors = new List<string>();
        foreach (var function in metadata.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            try
            {
                functions.Add(Read(function, settings));
            }
            catch (FunctionAppException ex)
            {
                errors.Add(ex.Message);
            }
        }
        return (functions, errors);
    }

    private static FunctionDefinition Read(RpcFunctionMetadata metadata, AppSettings settings)
    {
        var name = metadata.Name;
        var bindings = metadata.RawBindings.Select(raw => JsonFiles.Parse(raw)
            ?? throw new FunctionAppException($"Function {name}: a binding is not a JSON object.")).ToList();
        TriggerBinding? trigger = null;
        var outputs = new List<QueueOutputBinding>();
        var skipDeferredBinding = SkipsDeferredBinding(bindings);
        foreach (var json in bindings)
        {
            var binding = new BindingJson(name, json, settings);
            if (TriggerOf(binding, skipDeferredBinding) is { } found)
            {
                if (trigger is not null)
                {
                    throw new FunctionAppException($"Function {name}: it declares more than one trigger.");
                }
                trigger = found;
            }
            else if (!binding.Direction.Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                AddOutput(binding, outputs);
            }
            else
            {
                throw new FunctionAppException($"Function {name}: input binding type '{binding.Type}' is not run by the local host.");
            }
        }
        return new FunctionDefinition(name, metadata.FunctionId, trigger ?? throw new FunctionAppException($"Function {name}: it declares no trigger."),
            outputs, LoadMetadata(metadata, bindings));
    }

    /// <summary>The binding as a trigger the local host runs; null for a binding that is not a trigger.</summary>
    private static TriggerBinding? TriggerOf(BindingJson binding, bool skipDeferredBinding) => binding.Type.ToLowerInvariant() switch
    {
        "blobtrigger" => new BlobTriggerBinding(binding.Name, binding.Required("path"), binding.Connection,
            string.Equals(JsonFiles.Text(binding.Json, "source"), "EventGrid", StringComparison.OrdinalIgnoreCase) ? BlobTriggerSource.EventGrid : BlobTriggerSource.LogsAndContainerScan,
            ValueKindOf(binding.Json, skipDeferredBinding, blob: true)),
        "queuetrigger" => new QueueTriggerBinding(binding.Name, binding.Required("queueName"), binding.Connection, ValueKindOf(binding.Json, skipDeferredBinding, blob: false)),
        "timertrigger" => new TimerTriggerBinding(binding.Name, binding.Required("schedule"), JsonFiles.Flag(binding.Json, "runOnStartup"),
            JsonFiles.Get(binding.Json, "useMonitor") is JsonValue ? JsonFiles.Flag(binding.Json, "useMonitor") : null),
        "httptrigger" => new HttpTriggerBinding(binding.Name, JsonFiles.Text(binding.Json, "route"),
            JsonFiles.Get(binding.Json, "methods") is JsonArray methods ? [.. methods.Select(method => method!.GetValue<string>().ToUpperInvariant())] : [],
            ParseAuthLevel(binding.Function, JsonFiles.Text(binding.Json, "authLevel"))),
        _ when binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) =>
            throw new FunctionAppException($"Function {binding.Function}: trigger type '{binding.Type}' is not run by the local host (blobTrigger, queueTrigger, timerTrigger, httpTrigger are)."),
        _ => null,
    };

    /// <summary>An output binding: a queue the host writes the function's messages to; http needs nothing (the proxy answers).</summary>
    private static void AddOutput(BindingJson binding, List<QueueOutputBinding> outputs)
    {
        switch (binding.Type.ToLowerInvariant())
        {
            case "queue":
                outputs.Add(new QueueOutputBinding(binding.Name, binding.Required("queueName"), binding.Connection));
                break;
            case "http":
                break;
            default:
                throw new FunctionAppException($"Function {binding.Function}: output binding type '{binding.Type}' is not run by the local host (queue and http are).");
        }
    }

    /// <summary>One binding of a function's metadata, with its settings (%Name%) expanded where a value is read.</summary>
    private sealed class BindingJson
    {
        private readonly AppSettings _settings;

        public BindingJson(string function, JsonObject json, AppSettings settings)
        {
            Function = function;
            Json = json;
            _settings = settings;
            Type = JsonFiles.Text(json, "type") ?? throw new FunctionAppException($"Function {function}: a binding has no \"type\".");
            Name = JsonFiles.Text(json, "name") ?? throw new FunctionAppException($"Function {function}: the {Type} binding has no \"name\".");
            Direction = JsonFiles.Text(json, "direction") ?? "in";
            Connection = settings.Expand(JsonFiles.Text(json, "connection") ?? "", function);
        }

        public string Function { get; }

        public JsonObject Json { get; }

        public string Type { get; }

        public string Name { get; }

        public string Direction { get; }

        public string Connection { get; }

        public string Required(string property) =>
            _settings.Expand(JsonFiles.Text(Json, property) ?? throw new FunctionAppException($"Function {Function}: the {Type} binding has no \"{property}\"."), Function);
    }

    /// <summary>
    /// What the host sends in FunctionLoadRequest: name, entry point, script file, and each binding's type, direction
    /// and data type keyed by its name (the worker builds its binding definitions from this map).
    /// </summary>
    private static RpcFunctionMetadata LoadMetadata(RpcFunctionMetadata indexed, IReadOnlyList<JsonObject> bindings)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = indexed.Name,
            Directory = indexed.Directory,
            EntryPoint = indexed.EntryPoint,
            ScriptFile = indexed.ScriptFile,
            IsProxy = false,
        };
        metadata.Properties["FunctionId"] = indexed.FunctionId;
        foreach (var binding in bindings)
        {
            var info = new BindingInfo
            {
                Type = JsonFiles.Text(binding, "type")!,
                Direction = (JsonFiles.Text(binding, "direction") ?? "in").ToLowerInvariant() switch
                {
                    "out" => BindingInfo.Types.Direction.Out,
                    "inout" => BindingInfo.Types.Direction.Inout,
                    _ => BindingInfo.Types.Direction.In,
                },
            };
            if (JsonFiles.Text(binding, "dataType") is { } dataType && Enum.TryParse<BindingInfo.Types.DataType>(dataType, ignoreCase: true, out var parsed))
            {
                info.DataType = parsed;
            }
            metadata.Bindings[JsonFiles.Text(binding, "name")!] = info;
        }
        return metadata;
    }

    /// <summary>
    /// An SDK-type trigger (properties.supportsDeferredBinding) gets model binding data, unless another binding's
    /// expression uses the trigger's values (<c>{name}</c>): then the host binds the content itself, as bytes for a
    /// blob, as the message text or bytes for a queue (dataType).
    /// </summary>
    private static TriggerValueKind ValueKindOf(JsonObject binding, bool skipDeferredBinding, bool blob)
    {
        var deferred = JsonFiles.Child(binding, "properties") is { } properties && JsonFiles.Flag(properties, "supportsDeferredBinding");
        if (deferred && !skipDeferredBinding)
        {
            return TriggerValueKind.ModelBindingData;
        }
        return blob || string.Equals(JsonFiles.Text(binding, "dataType"), "Binary", StringComparison.OrdinalIgnoreCase)
            ? TriggerValueKind.Bytes
            : TriggerValueKind.Text;
    }

    /// <summary>As the host decides it: the first binding that is not the trigger has a string property with a <c>{…}</c> expression.</summary>
    private static bool SkipsDeferredBinding(IReadOnlyList<JsonObject> bindings)
    {
        var first = bindings.FirstOrDefault(b => !(JsonFiles.Text(b, "type") ?? "").EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        return first is not null && first.Any(p => p.Value is JsonValue value && value.TryGetValue<string>(out var text) && BindingExpression().IsMatch(text));
    }

    private static AuthLevel ParseAuthLevel(string function, string? value) => value?.ToLowerInvariant() switch
    {
        null or "function" => AuthLevel.Function,
        "anonymous" => AuthLevel.Anonymous,
        "admin" or "system" => AuthLevel.Admin,
        _ => throw new FunctionAppException($"Function {function}: authLevel '{value}' is not anonymous, function or admin."),
    };

    [GeneratedRegex(@"\{(.*?)\}")]
    private static partial Regex BindingExpression();
}
