using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Jamsostek.FunctionsHost;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Http;
using Jamsostek.LocalHost.Samples;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost;

/// <summary>
/// The main job `start` runs once the system is up, so a newcomer sees it work: asks the app for its health
/// through the host (which proves host, worker and storage talk to each other), prints where to look, then
/// uploads the sheets in samples/ on first start and prints what validation made of each, and gives the app the
/// sample digest recipients (samples/recipients.json) when it has none.
/// </summary>
internal static class StartupJob
{
    /// <summary>The app's development access key (every region, personal data), set in local.settings.json only.</summary>
    public const string DevKeySetting = "JamsostekDevKey";

    /// <param name="logFile">The file the host's and the app's logs go to (printed in the summary); null when there is none.</param>
    public static async Task<IReadOnlyList<SampleOutcome>> RunAsync(LocalSystem system, TextWriter output, ILoggerFactory loggers, string? logFile,
        CancellationToken cancellationToken)
    {
        var host = system.Host;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var health = await http.GetAsync("api/health", cancellationToken);
        var body = await health.Content.ReadAsStringAsync(cancellationToken);
        PrintWhereToLook(system, output, logFile, $"{(int)health.StatusCode} {body}");

        // The SDK clients map UseDevelopmentStorage=true to the emulator's well-known account and ports themselves.
        var storage = host.Settings.ConnectionString(AppSettings.StorageConnection);
        var samples = new SampleUploads(new BlobServiceClient(storage), http, host.Settings[DevKeySetting], loggers.CreateLogger("Jamsostek.LocalHost.Samples"));
        var outcomes = await samples.RunAsync(RepositoryPaths.Samples, output, cancellationToken);
        if (samples.IsDevelopmentStorage)
        {
            var recipients = new SampleRecipients(http, CollectionRoute(host.App, "ManageRecipients") ?? "api/manage/recipients",
                host.Settings[FunctionKeys.MasterKeySetting], loggers.CreateLogger("Jamsostek.LocalHost.Samples"));
            if (await recipients.RunAsync(RepositoryPaths.Samples, output, cancellationToken) is not null
                && host.App.Find("PublishDigest") is not null)
            {
                output.WriteLine($"Digest      POST {new Uri(host.BaseAddress, "admin/functions/PublishDigest")} sends this week's digests now"
                    + (system.DevServices is { } mail ? $"; read them at {mail.MailDevWebAddress}" : ""));
            }
        }
        foreach (var error in host.App.Errors ?? [])
        {
            output.WriteLine($"In error    {error}");
        }

        output.WriteLine("Press Ctrl+C to stop everything.");
        output.WriteLine();
        return outcomes;
    }

    /// <summary>Where everything is: the health answer, the API, the portal, the admin route, the functions, keys made now, storage, mail and the log.</summary>
    private static void PrintWhereToLook(LocalSystem system, TextWriter output, string? logFile, string health)
    {
        var host = system.Host;
        output.WriteLine();
        output.WriteLine("Jamsostek Functions is running locally.");
        output.WriteLine($"  Health      GET {new Uri(host.BaseAddress, "api/health")} -> {health}");
        output.WriteLine($"  API base    {new Uri(host.BaseAddress, "api/")} (OpenAPI: api/openapi.json)");
        output.WriteLine($"  Portal      {host.BaseAddress}");
        output.WriteLine($"  Admin       POST {new Uri(host.BaseAddress, "admin/functions/{name}")} (x-functions-key: LocalHostMasterKey from {RepositoryPaths.Display(system.SettingsPath)})");
        output.WriteLine($"  Functions   {string.Join(", ", host.App.Functions.Select(function => function.Name))}");
        if (system.GeneratedKeys.Count > 0)
        {
            // Printed this once; afterwards they are read from the settings file, which only this user may read.
            output.WriteLine($"  Keys        made for this machine and kept in {RepositoryPaths.Display(system.SettingsPath)} (shown only now):");
            foreach (var (name, key) in system.GeneratedKeys)
            {
                output.WriteLine($"              {name} = {key}");
            }
        }
        if (system.DevServices is { } dev)
        {
            output.WriteLine($"  Storage     Azurite, blob http://127.0.0.1:10000 (data in .azurite/)");
            output.WriteLine($"  Mail        MailDev UI {dev.MailDevWebAddress} (SMTP 127.0.0.1:{dev.SmtpPort})");
        }
        if (logFile is not null)
        {
            output.WriteLine($"  Log         {RepositoryPaths.Display(logFile)} (the host's and the app's logs; the newest {Logging.FileLoggerProvider.FilesKept} are kept)");
        }
    }

    /// <summary>
    /// The path of an HTTP function's route below the host's route prefix, without its optional last parameter
    /// ("api/manage/recipients/{recipientId?}" gives "api/manage/recipients"); null when there is no such function.
    /// </summary>
    internal static string? CollectionRoute(FunctionApp app, string functionName) =>
        app.Find(functionName)?.Trigger is HttpTriggerBinding { Route: { } route }
            ? string.Join('/', new[] { app.Host.RoutePrefix, Regex.Replace(route, @"/\{[^}]*\?\}$", "") }.Where(part => part.Length > 0))
            : null;
}
