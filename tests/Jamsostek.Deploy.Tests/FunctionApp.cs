using System.Text.Json.Nodes;

namespace Jamsostek.Deploy.Tests;

/// <summary>One function as functions.metadata declares it (the worker SDK writes the file at build time).</summary>
internal sealed record FunctionMetadata(JsonObject Json)
{
    public string Name => (string)Json["name"]!;

    public string? ScriptFile => (string?)Json["scriptFile"];

    public string? EntryPoint => (string?)Json["entryPoint"];

    public string? Language => (string?)Json["language"];

    public IReadOnlyList<Binding> Bindings =>
        [.. (Json["bindings"]?.AsArray() ?? []).Select(binding => new Binding(Name, binding!.AsObject()))];

    /// <summary>The bindings whose type ends in "Trigger": a function has exactly one.</summary>
    public IReadOnlyList<Binding> Triggers => [.. Bindings.Where(binding => binding.IsTrigger)];
}

/// <summary>One binding of one function, as functions.metadata declares it.</summary>
internal sealed record Binding(string Function, JsonObject Json)
{
    public string? Type => (string?)Json["type"];

    public string? Name => (string?)Json["name"];

    public string? Direction => (string?)Json["direction"];

    public string? QueueName => (string?)Json["queueName"];

    public string? Path => (string?)Json["path"];

    public string? Source => (string?)Json["source"];

    public string? Connection => (string?)Json["connection"];

    public string? AuthLevel => (string?)Json["authLevel"];

    public string? Route => (string?)Json["route"];

    public string? Schedule => (string?)Json["schedule"];

    public IReadOnlyList<string> Methods => [.. (Json["methods"]?.AsArray() ?? []).Select(method => (string)method!)];

    public bool IsTrigger => Type?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true;

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public bool IsDirection(string direction) => string.Equals(Direction, direction, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every string in the binding, nested properties included (where a %Setting% can stand).</summary>
    public IEnumerable<string> Strings() => StringsIn(Json);

    private static IEnumerable<string> StringsIn(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => StringsIn(property.Value)),
        JsonArray array => array.SelectMany(StringsIn),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}

/// <summary>
/// Reads a function app folder the way the Azure Functions host does for a .NET isolated worker: host.json,
/// worker.config.json (how to start the worker), functions.metadata (the functions and their bindings), and
/// extensions.json with the host-side binding extensions under .azurefunctions/.
/// </summary>
internal static class FunctionApp
{
    public static JsonObject HostJson(string folder) => ReadObject(folder, "host.json");

    public static JsonObject WorkerConfig(string folder) => ReadObject(folder, "worker.config.json");

    public static JsonObject ExtensionsJson(string folder) => ReadObject(folder, "extensions.json");

    /// <summary>The worker's runtime config, whose target framework the Flex Consumption runtime version must match.</summary>
    public static JsonObject RuntimeConfig(string folder) => ReadObject(folder, "Jamsostek.Functions.runtimeconfig.json");

    public static IReadOnlyList<FunctionMetadata> Functions(string folder) =>
        [.. Read(folder, "functions.metadata").AsArray().Select(function => new FunctionMetadata(function!.AsObject()))];

    public static FunctionMetadata Function(string folder, string name) =>
        Functions(folder).SingleOrDefault(function => function.Name == name)
        ?? throw new InvalidOperationException($"functions.metadata in {folder} has no function {name}.");

    public static IReadOnlyList<Binding> Bindings(string folder) => [.. Functions(folder).SelectMany(function => function.Bindings)];

    private static JsonObject ReadObject(string folder, string file) => Read(folder, file).AsObject();

    private static JsonNode Read(string folder, string file)
    {
        var path = System.IO.Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{file} is not in {folder}: build functions/Jamsostek.Functions first (dotnet build).", path);
        }
        return JsonNode.Parse(File.ReadAllText(path))!;
    }
}
