using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.LocalHost;

/// <summary>
/// The local.settings.json the start command uses: beside the app, else at the repository root, else made at the
/// root from local.settings.example.json. Every key the example leaves as <see cref="Placeholder"/> gets a fresh
/// random value in the file made, so no two machines share the keys a README once printed.
/// </summary>
public static class LocalSettingsFile
{
    /// <summary>What the example holds where a key is made on first start.</summary>
    public const string Placeholder = "generated-on-first-start";

    /// <summary>The settings file in use, and the keys made for it if it was made now (empty otherwise).</summary>
    public sealed record Found(string Path, bool Created, IReadOnlyList<KeyValuePair<string, string>> GeneratedKeys);

    public static Found FindOrCreate(string scriptRoot, string repositoryRoot)
    {
        foreach (var candidate in new[] { Path.Combine(scriptRoot, "local.settings.json"), Path.Combine(repositoryRoot, "local.settings.json") })
        {
            if (File.Exists(candidate))
            {
                return new Found(candidate, Created: false, []);
            }
        }
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "local.settings.example.json")))!.AsObject();
        var generated = new List<KeyValuePair<string, string>>();
        if (example["Values"] is JsonObject values)
        {
            foreach (var name in values.Where(v => v.Value?.GetValueKind() == JsonValueKind.String && (string?)v.Value == Placeholder)
                         .Select(v => v.Key).ToList())
            {
                var key = NewKey();
                values[name] = key;
                generated.Add(KeyValuePair.Create(name, key));
            }
        }
        var created = Path.Combine(repositoryRoot, "local.settings.json");
        // CreateNew: two starts at once never overwrite each other's keys.
        using (var file = new FileStream(created, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            example.WriteTo(writer);
        }
        RestrictToOwner(created);
        return new Found(created, Created: true, generated);
    }

    /// <summary>32 random bytes, base64url: as strong as the app's own API keys.</summary>
    public static string NewKey() =>
        "local_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
