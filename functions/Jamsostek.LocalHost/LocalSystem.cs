using Jamsostek.FunctionsHost;
using Jamsostek.FunctionsHost.App;
using Jamsostek.LocalHost.DevServices;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost;

/// <summary>
/// What `dotnet run --project functions/Jamsostek.LocalHost` starts: dev services when the app uses
/// development storage, then the host with the app's worker; stopping it stops all of them.
/// </summary>
public sealed class LocalSystem : IAsyncDisposable
{
    internal LocalSystem(DevServices.DevServices? devServices, LocalFunctionsHost host, LocalSettingsFile.Found settings)
    {
        DevServices = devServices;
        Host = host;
        SettingsPath = settings.Path;
        GeneratedKeys = settings.GeneratedKeys;
    }

    public DevServices.DevServices? DevServices { get; }

    public LocalFunctionsHost Host { get; }

    public string SettingsPath { get; }

    /// <summary>The keys made for a settings file created by this start (empty when the file was there already).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GeneratedKeys { get; }

    public static async Task<LocalSystem> StartAsync(string scriptRoot, int? httpPort, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Jamsostek.LocalHost");
        var found = LocalSettingsFile.FindOrCreate(scriptRoot, RepositoryPaths.Root);
        var settingsPath = found.Path;
        if (found.Created)
        {
            LocalSystemLog.SettingsCreated(logger, settingsPath);
        }
        var settings = new AppSettings(LocalSettings.Load(settingsPath), Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>().Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value)));
        DevServices.DevServices? devServices = null;
        if (string.Equals(settings[AppSettings.StorageConnection]?.Replace(" ", ""), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            devServices = await LocalHost.DevServices.DevServices.StartAsync(new DevServicesOptions
            {
                RepositoryRoot = RepositoryPaths.Root,
                AzuriteLocation = Path.Combine(RepositoryPaths.Root, ".azurite"),
            }, logger, cancellationToken);
        }
        try
        {
            var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
            {
                ScriptRoot = scriptRoot,
                LocalSettingsPath = settingsPath,
                HttpPort = httpPort,
                LoggerFactory = loggers,
                Settings = devServices is null ? new Dictionary<string, string?>() : DigestDefaults(settings, devServices),
            }, cancellationToken);
            return new LocalSystem(devServices, host, found);
        }
        catch
        {
            if (devServices is not null)
            {
                await devServices.DisposeAsync();
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (DevServices is not null)
        {
            await DevServices.DisposeAsync();
        }
    }

    /// <summary>
    /// A local.settings.json made before the weekly digest existed has no schedule and no SMTP settings: with the dev
    /// services running, the digest then goes hourly to MailDev, as local.settings.example.json sets it up. Settings
    /// present are never changed.
    /// </summary>
    private static Dictionary<string, string?> DigestDefaults(AppSettings settings, DevServices.DevServices devServices)
    {
        var defaults = new Dictionary<string, string?>();
        if (settings["DigestSchedule"] is null)
        {
            defaults["DigestSchedule"] = "0 0 * * * *";
        }
        if (settings["Smtp__Host"] is null && settings["Smtp:Host"] is null)
        {
            defaults["Smtp__Host"] = "127.0.0.1";
            defaults["Smtp__Port"] = devServices.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            defaults["Smtp__Security"] = "None";
            if (settings["Smtp__SenderAddress"] is null && settings["Smtp:SenderAddress"] is null)
            {
                defaults["Smtp__SenderAddress"] = "ringkasan@jamsostek.example.go.id";
            }
        }
        return defaults;
    }
}

internal static partial class LocalSystemLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Created {Path} from local.settings.example.json with freshly generated keys (git-ignored; edit it freely)")]
    public static partial void SettingsCreated(ILogger logger, string path);
}
