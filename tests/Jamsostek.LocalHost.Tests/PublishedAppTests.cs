using System.Diagnostics;
using System.Net;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

/// <summary>The real app, published as Azure runs it, loaded by the local host as a child process.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedAppTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _publishFolder = Path.Combine(Path.GetTempPath(), "jamsostek-publish-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryPaths.Root, "functions", "Jamsostek.Functions", "Jamsostek.Functions.csproj");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", _publishFolder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, "dotnet publish failed: " + await output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_publishFolder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PublishedFolderRunsUnderTheLocalHostAndComesBackAfterAHandlerCrash()
    {
        Assert.True(File.Exists(Path.Combine(_publishFolder, "host.json")));
        Assert.True(File.Exists(Path.Combine(_publishFolder, "Health", "function.json")));
        Assert.True(File.Exists(Path.Combine(_publishFolder, "Jamsostek.Functions")), "the handler executable sits beside host.json");

        await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = _publishFolder,
            Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString },
            ReadEnvironment = false,
            HttpPort = 0,
            LoggerFactory = NullLoggerFactory.Instance,
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var healthy = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await healthy.Content.ReadAsStringAsync());

        var crashed = host.HandlerProcess!.ProcessId;
        host.HandlerProcess.Crash();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("api/health");
                return response.StatusCode == HttpStatusCode.OK && host.HandlerProcess.ProcessId != crashed;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the handler restarted and healthy");
    }
}
