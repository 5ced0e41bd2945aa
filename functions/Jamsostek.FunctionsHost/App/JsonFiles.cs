using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.FunctionsHost.App;

/// <summary>The Functions files' JSON: comments and trailing commas allowed, property names case-insensitive.</summary>
internal static class JsonFiles
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonObject ReadObject(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path)) ?? throw new FunctionAppException($"{path} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FunctionAppException($"{path} is not valid JSON: {ex.Message}");
        }
    }

    public static JsonObject? Parse(string text) => JsonNode.Parse(text, documentOptions: Options) as JsonObject;

    public static JsonNode? Get(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static JsonObject? Child(JsonObject json, string name) => Get(json, name) as JsonObject;

    public static string? Text(JsonObject json, string name) => Get(json, name) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => null,
    };

    public static bool Flag(JsonObject json, string name) => Get(json, name) switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => bool.TryParse(text, out var parsed) && parsed,
        _ => false,
    };

    public static int? Number(JsonObject json, string name) =>
        Get(json, name) is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
