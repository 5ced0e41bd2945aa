using System.Text.Json.Nodes;

namespace Jamsostek.Deploy.Tests;

/// <summary>One binding of one function, as its function.json declares it.</summary>
internal sealed record Binding(string Function, JsonObject Json)
{
    public string? Type => (string?)Json["type"];

    public string? QueueName => (string?)Json["queueName"];

    public string? Path => (string?)Json["path"];

    public string? Source => (string?)Json["source"];

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads a function app folder the way the host does: host.json and every */function.json.</summary>
internal static class FunctionApp
{
    public static JsonObject HostJson(string folder) => ReadObject(System.IO.Path.Combine(folder, "host.json"));

    public static JsonObject FunctionJson(string folder, string function) =>
        ReadObject(System.IO.Path.Combine(folder, function, "function.json"));

    public static IReadOnlyList<string> Functions(string folder) =>
        [.. Directory.EnumerateDirectories(folder)
            .Where(directory => File.Exists(System.IO.Path.Combine(directory, "function.json")))
            .Select(directory => System.IO.Path.GetFileName(directory))
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<Binding> Bindings(string folder) =>
        [.. Functions(folder).SelectMany(function =>
            FunctionJson(folder, function)["bindings"]!.AsArray().Select(binding => new Binding(function, binding!.AsObject())))];

    /// <summary>A copy of the app's source folder (host.json and function folders only) to rewrite.</summary>
    public static string CopyOfSource()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jamsostek-app-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(target);
        File.Copy(System.IO.Path.Combine(Paths.FunctionApp, "host.json"), System.IO.Path.Combine(target, "host.json"));
        foreach (var function in Functions(Paths.FunctionApp))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(target, function));
            File.Copy(System.IO.Path.Combine(Paths.FunctionApp, function, "function.json"), System.IO.Path.Combine(target, function, "function.json"));
        }
        return target;
    }

    private static JsonObject ReadObject(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
