using System.Text.Json.Nodes;

namespace Jamsostek.Deploy.Tests;

/// <summary><c>bicep build infra/main.bicep --stdout</c>, run once for the test class: its result and the ARM template.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    internal Bicep.Result Build { get; private set; } = null!;

    public JsonObject Json { get; private set; } = null!;

    public JsonObject Variables => Json["variables"]!.AsObject();

    public async Task InitializeAsync()
    {
        Build = await Bicep.RunAsync("build", Paths.MainTemplate, "--stdout");
        Json = Build.ExitCode == 0 ? JsonNode.Parse(Build.Output)!.AsObject() : [];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public IReadOnlyList<string> StringList(string variable) =>
        [.. Variables[variable]!.AsArray().Select(item => (string)item!)];

    /// <summary>Every resource of one type the template deploys (not <c>existing</c> ones), in the main template and in the modules' templates.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. Templates()
            .SelectMany(t => t["resources"] switch
            {
                JsonArray array => array.Select(resource => resource!.AsObject()),
                // languageVersion 2.0 keys resources by symbolic name.
                JsonObject byName => byName.Select(resource => resource.Value!.AsObject()),
                _ => [],
            })
            .Where(resource => (bool?)resource["existing"] != true)
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The main template and every module's template nested in it.</summary>
    public IEnumerable<JsonObject> Templates() => TemplatesIn(Json);

    private static IEnumerable<JsonObject> TemplatesIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (((string?)obj["$schema"])?.EndsWith("deploymentTemplate.json#", StringComparison.Ordinal) == true)
                {
                    yield return obj;
                }
                foreach (var (_, value) in obj)
                {
                    foreach (var template in TemplatesIn(value))
                    {
                        yield return template;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var template in TemplatesIn(item))
                    {
                        yield return template;
                    }
                }
                break;
        }
    }
}
