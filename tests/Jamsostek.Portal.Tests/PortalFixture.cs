using Jamsostek.LocalHost;
using Jamsostek.TestSupport;
using Microsoft.Playwright;

namespace Jamsostek.Portal.Tests;

/// <summary>
/// The local system (<see cref="SystemFixture"/>) for the browser: the app with the Sumbawa agreements sample stored,
/// keys for Sumbawa (with personal data) and Nagekeo, and Debian's Chromium under Playwright.
/// </summary>
public sealed class PortalFixture() : SystemFixture("portal-tests")
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string SumbawaKey { get; private set; } = "";

    public string NagekeoKey { get; private set; } = "";

    public static string ArtifactsFolder => Path.Combine(RepositoryPaths.Root, "artifacts");

    // As the app's settings have it: the root URL is the portal, not the host's landing page.
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobsDisableHomepage"] = "true",
    };

    protected override async Task LoadAsync()
    {
        // An office's own key: it reads its region and uploads its sheets.
        SumbawaKey = await CreateKeyAsync("Disnaker Sumbawa", ["5204"], pii: true, upload: true);
        NagekeoKey = await CreateKeyAsync("Disnaker Nagekeo", ["5316"], pii: false, upload: true);
        var agreements = Path.Combine(RepositoryPaths.Samples, "5204", "perjanjian-sumbawa-2026.xlsx");
        var stored = await UploadFileAndWaitAsync("5204", "perjanjian-sumbawa-2026.xlsx", agreements, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", stored.Status);

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

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
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
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
