using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Jamsostek.Portal.Tests;

/// <summary>
/// The local system for the browser: Azurite on free ports, the app under the local host, the Sumbawa agreements
/// sample stored, keys for Sumbawa (with personal data) and Nagekeo, and Debian's Chromium under Playwright.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string MasterKey = "portal-test-master-key";

    private LocalHost.DevServices.DevServices? _services;
    private IPlaywright? _playwright;

    public FunctionsHost.LocalFunctionsHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string SumbawaKey { get; private set; } = "";

    public string NagekeoKey { get; private set; } = "";

    public string ConnectionString => _services!.StorageConnectionString;

    public static string ArtifactsFolder => Path.Combine(LocalHost.RepositoryPaths.Root, "artifacts");

    public async Task InitializeAsync()
    {
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(LocalHost.RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        Host = await FunctionsHost.LocalFunctionsHost.StartAsync(new FunctionsHost.LocalHostOptions
        {
            ScriptRoot = LocalHost.RepositoryPaths.FunctionAppOutput,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["AzureFunctionsWebHost__hostid"] = "portal-tests",
                ["LocalHostMasterKey"] = MasterKey,
                // As the app's settings have it: the root URL is the portal, not the host's landing page.
                ["AzureWebJobsDisableHomepage"] = "true",
            },
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            LoggerFactory = NullLoggerFactory.Instance,
        });

        using var admin = new HttpClient { BaseAddress = Host.BaseAddress };
        admin.DefaultRequestHeaders.Add("x-functions-key", MasterKey);
        SumbawaKey = await CreateKeyAsync(admin, "Disnaker Sumbawa", ["5204"], pii: true);
        NagekeoKey = await CreateKeyAsync(admin, "Disnaker Nagekeo", ["5316"], pii: false);
        await StoreSumbawaAgreementsAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = await ChromiumPathAsync(),
            Headless = true,
            // As root there is no sandbox; the rest keeps Chromium from calling out of this closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Host.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    public async Task<IPage> OpenPortalAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    /// <summary>
    /// Debian's Chromium where the package puts it. On a fresh Debian machine, as root, the fixture installs the
    /// package itself (as the fixtures run npm ci for Azurite): browsers cannot be downloaded here, packages can.
    /// </summary>
    private static async Task<string> ChromiumPathAsync()
    {
        string? Find() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (Find() is { } found)
        {
            return found;
        }
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            await RunAsync("/usr/bin/apt-get", "update -qq");
            await RunAsync("/usr/bin/apt-get", "install -y -qq chromium");
        }
        return Find() ?? throw new InvalidOperationException("Chromium is not installed and could not be: run apt-get install chromium (as .ci/run does).");
    }

    private static async Task RunAsync(string command, string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = System.Diagnostics.Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed: {await error}");
        }
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string name, string[] regions, bool pii)
    {
        // An office's own key: it reads its region and uploads its sheets.
        var response = await admin.PostAsJsonAsync("api/manage/keys", new { name, regions, pii, upload = true });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }

    private async Task StoreSumbawaAgreementsAsync()
    {
        var uploads = new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");
        await uploads.CreateIfNotExistsAsync();
        await uploads.GetBlobClient("5204/perjanjian-sumbawa-2026.xlsx").UploadAsync(
            Path.Combine(LocalHost.RepositoryPaths.Samples, "5204", "perjanjian-sumbawa-2026.xlsx"), overwrite: true);
        var table = new TableServiceClient(ConnectionString).GetTableClient("uploads");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await foreach (var record in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"5204"}")))
                {
                    if (record.GetString("Status") == "completed")
                    {
                        return;
                    }
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The Sumbawa agreements sample was not stored.");
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
