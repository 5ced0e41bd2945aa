using System.Diagnostics;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>
/// The app published with README's command (Deploy): the isolated worker (ReadyToRun for linux-x64), host.json,
/// functions.metadata, worker.config.json and the host-side extensions, plus the zip beside the folder. When <c>JAMSOSTEK_FUNCTION_APP</c> names a folder published so (CI does,
/// to run every test against it) with its zip beside it, that one; otherwise published once per test class here.
/// <see cref="PublishAsync"/> publishes a variant.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly string? Given = Environment.GetEnvironmentVariable("JAMSOSTEK_FUNCTION_APP") is { Length: > 0 } folder
        && File.Exists(Path.GetFullPath(folder).TrimEnd('/') + ".zip") ? Path.GetFullPath(folder).TrimEnd('/') : null;

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "jamsostek-publish-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Where variants are published.</summary>
    public string Root => _scratch;

    /// <summary>The folder Azure runs.</summary>
    public string Folder => Given ?? Path.Combine(_scratch, "app");

    public string Zip => Folder + ".zip";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch);
        if (Given is null)
        {
            await PublishAsync(Folder, "-p:ZipPublishOutput=true");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>dotnet publish functions/Jamsostek.Functions -c Release -o {folder} {properties}</c>.
    /// </summary>
    public static async Task PublishAsync(string folder, params string[] properties)
    {
        var project = Path.Combine(RepositoryPaths.Root, "functions", "Jamsostek.Functions", "Jamsostek.Functions.csproj");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", project, "-c", "Release", "-o", folder, "--nologo", .. properties])
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
