using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jamsostek.FunctionsHost.App;

/// <summary>local.settings.json in the Functions format: Values, Host (LocalHttpPort, CORS) and ConnectionStrings.</summary>
public sealed record LocalSettings
{
    public bool IsEncrypted { get; init; }

    public Dictionary<string, string?> Values { get; init; } = [];

    public LocalHostSection Host { get; init; } = new();

    public Dictionary<string, string?> ConnectionStrings { get; init; } = [];

    public static LocalSettings Load(string path)
    {
        LocalSettings? settings;
        try
        {
            using var stream = File.OpenRead(path);
            settings = JsonSerializer.Deserialize(stream, LocalHostJsonContext.Default.LocalSettings);
        }
        catch (JsonException ex)
        {
            throw new FunctionAppException($"{path} is not valid JSON: {ex.Message}");
        }
        if (settings is null)
        {
            throw new FunctionAppException($"{path} is empty.");
        }
        if (settings.IsEncrypted)
        {
            throw new FunctionAppException($"{path} is encrypted (IsEncrypted: true); the local host reads plain settings only.");
        }
        return settings;
    }
}

public sealed record LocalHostSection
{
    public int LocalHttpPort { get; init; } = 7071;

    [JsonPropertyName("CORS")]
    public string? Cors { get; init; }

    [JsonPropertyName("CORSCredentials")]
    public bool CorsCredentials { get; init; }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(LocalSettings))]
internal sealed partial class LocalHostJsonContext : JsonSerializerContext;
