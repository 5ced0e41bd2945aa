using System.Text.Json.Nodes;

namespace Jamsostek.LocalHost.Tests;

/// <summary>The first start makes local.settings.json with keys of its own; the example in the repository holds none.</summary>
public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jamsostek-settings-").FullName;

    public LocalSettingsFileTests() =>
        File.Copy(Path.Combine(RepositoryPaths.Root, "local.settings.example.json"), Path.Combine(_root, "local.settings.example.json"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void FirstStartWritesFreshKeysReadableOnlyByTheUserAndASecondStartKeepsThem()
    {
        var first = LocalSettingsFile.FindOrCreate(Path.Combine(_root, "app"), _root);

        Assert.True(first.Created);
        Assert.Equal(Path.Combine(_root, "local.settings.json"), first.Path);
        Assert.Equal(["JamsostekDevKey", "LocalHostFunctionKey", "LocalHostMasterKey"], first.GeneratedKeys.Select(k => k.Key).Order());
        var values = JsonNode.Parse(File.ReadAllText(first.Path))!["Values"]!.AsObject();
        foreach (var (name, key) in first.GeneratedKeys)
        {
            Assert.Equal(key, (string?)values[name]);
            Assert.StartsWith("local_", key, StringComparison.Ordinal);
            Assert.True(key.Length >= 48, key);
        }
        Assert.Equal(3, first.GeneratedKeys.Select(k => k.Value).Distinct().Count());
        Assert.DoesNotContain(values, v => (string?)v.Value == LocalSettingsFile.Placeholder);
        // The rest of the example is kept as it is.
        Assert.Equal("UseDevelopmentStorage=true", (string?)values["AzureWebJobsStorage"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Path));
        }

        var second = LocalSettingsFile.FindOrCreate(Path.Combine(_root, "app"), _root);
        Assert.False(second.Created);
        Assert.Empty(second.GeneratedKeys);
        Assert.Equal(first.GeneratedKeys.Single(k => k.Key == "LocalHostMasterKey").Value,
            (string?)JsonNode.Parse(File.ReadAllText(second.Path))!["Values"]!["LocalHostMasterKey"]);
    }

    [Fact]
    public void TwoMachinesGetDifferentKeys()
    {
        var one = LocalSettingsFile.FindOrCreate(_root, _root).GeneratedKeys;
        File.Delete(Path.Combine(_root, "local.settings.json"));
        var other = LocalSettingsFile.FindOrCreate(_root, _root).GeneratedKeys;

        Assert.Empty(one.Select(k => k.Value).Intersect(other.Select(k => k.Value)));
    }

    [Fact]
    public void TheExampleHoldsNoKeyAndAllowsNoOtherOrigin()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.example.json")))!.AsObject();

        foreach (var name in new[] { "LocalHostMasterKey", "LocalHostFunctionKey", "JamsostekDevKey" })
        {
            Assert.Equal(LocalSettingsFile.Placeholder, (string?)example["Values"]![name]);
        }
        Assert.Null(example["Host"]?["CORS"]);
    }
}
