using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>
/// What one invocation received, as the test worker's Recorder wrote it: the function, the invocation id, the worker's
/// process id, every binding data entry as the worker holds it (a json value is its raw JSON text, a string is itself),
/// and the values the function reported.
/// </summary>
public sealed record Recording(string Function, string InvocationId, int ProcessId, IReadOnlyDictionary<string, string?> BindingData, JsonObject Values,
    long WrittenTicks)
{
    public static Recording Read(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var bindingData = json["bindingData"]!.AsObject().ToDictionary(e => e.Key, e => e.Value?.GetValue<string>(), StringComparer.Ordinal);
        // {function}-{ticks}-{guid}.json: the ticks order one function's recordings.
        var ticks = long.Parse(Path.GetFileNameWithoutExtension(path).Split('-')[1], CultureInfo.InvariantCulture);
        return new Recording(json["function"]!.GetValue<string>(), json["invocationId"]!.GetValue<string>(), json["processId"]!.GetValue<int>(),
            bindingData, json["values"]!.AsObject(), ticks);
    }

    public string? Text(string name) => Values[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public DateTimeOffset? Time(string name) => Values[name] is { } value ? value.GetValue<DateTimeOffset>() : null;

    public bool Flag(string name) => Values[name]!.GetValue<bool>();

    /// <summary>A binding data entry that the host sent as JSON, parsed.</summary>
    public JsonNode? Json(string key) => JsonNode.Parse(BindingData[key] ?? throw new KeyNotFoundException($"No binding data '{key}'."));
}
