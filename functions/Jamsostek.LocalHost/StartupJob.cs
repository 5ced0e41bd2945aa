namespace Jamsostek.LocalHost;

/// <summary>
/// The main job `start` runs once the system is up, so a newcomer sees it work: asks the app for its health
/// through the host (which proves host, handler and storage talk to each other), then prints where to look.
/// </summary>
internal static class StartupJob
{
    public static async Task RunAsync(LocalSystem system, TextWriter output, CancellationToken cancellationToken)
    {
        var host = system.Host;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var health = await http.GetAsync("api/health", cancellationToken);
        var body = await health.Content.ReadAsStringAsync(cancellationToken);

        output.WriteLine();
        output.WriteLine("Jamsostek Functions is running locally.");
        output.WriteLine($"  Health      GET {new Uri(host.BaseAddress, "api/health")} -> {(int)health.StatusCode} {body}");
        output.WriteLine($"  API base    {new Uri(host.BaseAddress, host.App.Host.RoutePrefix + "/")}");
        output.WriteLine($"  Admin       POST {new Uri(host.BaseAddress, "admin/functions/{name}")} (x-functions-key: LocalHostMasterKey from {system.SettingsPath})");
        output.WriteLine($"  Functions   {string.Join(", ", host.App.Functions.Select(f => f.Name))}");
        if (system.DevServices is { } dev)
        {
            output.WriteLine($"  Storage     Azurite, blob http://127.0.0.1:10000 (data in .azurite/)");
            output.WriteLine($"  Mail        MailDev UI {dev.MailDevWebAddress} (SMTP 127.0.0.1:{dev.SmtpPort})");
        }
        output.WriteLine("Press Ctrl+C to stop everything.");
        output.WriteLine();
    }
}
