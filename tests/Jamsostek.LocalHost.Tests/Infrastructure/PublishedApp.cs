using System.Diagnostics;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>
/// The app published once per test class with README's command (Deploy): a self-contained linux-x64 executable,
/// host.json and the function folders, plus the zip beside the folder. <see cref="PublishAsync"/> publishes a variant.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "jamsostek-publish-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The folder Azure runs (StorageQueue transport, the default).</summary>
    public string Folder => Path.Combine(Root, "app");

    public string Zip => Path.Combine(Root, "app.zip");

    public async Task InitializeAsync() => await PublishAsync(Folder, "-p:ZipPublishOutput=true");

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>dotnet publish functions/Jamsostek.Functions -c Release -r linux-x64 --self-contained -o {folder} {properties}</c>.
    /// </summary>
    public static async Task PublishAsync(string folder, params string[] properties)
    {
        var project = Path.Combine(RepositoryPaths.Root, "functions", "Jamsostek.Functions", "Jamsostek.Functions.csproj");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", folder, "--nologo", .. properties])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, "dotnet publish failed: " + await output + await errors);
    }
}
