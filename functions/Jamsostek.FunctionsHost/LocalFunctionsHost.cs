using System.Net;
using System.Security.Cryptography;
using System.Text;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Http;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Storage;
using Jamsostek.FunctionsHost.Triggers;
using Jamsostek.FunctionsHost.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost;

/// <summary>
/// The local Functions host: starts the app's worker and serves it the language-worker protocol (the worker says
/// which functions it has), proxies HTTP triggers to it, serves the admin API, and runs the blob, queue and timer
/// triggers against the storage account.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly RpcServer _rpc;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<string?> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _listeners = [];
    private readonly ILoggerFactory? _ownedLoggers;

    private LocalFunctionsHost(WebApplication web, RpcServer rpc, FunctionApp app, AppSettings settings, string hostId, WorkerProcess worker,
        HostActivity activity, ILoggerFactory? ownedLoggers)
    {
        Activity = activity;
        _web = web;
        _rpc = rpc;
        App = app;
        Settings = settings;
        HostId = hostId;
        Worker = worker;
        _ownedLoggers = ownedLoggers;
    }

    public FunctionApp App { get; }

    /// <summary>The app settings the host and the worker run with (local.settings.json, environment, overrides).</summary>
    public AppSettings Settings { get; }

    public string HostId { get; }

    /// <summary>Where the host answers, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the triggers have done so far (blob scans, queue polls, finished invocations), for tests.</summary>
    public HostActivity Activity { get; }

    /// <summary>
    /// Waits until the blob triggers have looked at the containers as they are now: a whole blob scan begun after this
    /// call, then a whole poll of the host's blob trigger queue and every message it took settled. Whatever the scan
    /// found new has run by then, so a test can assert that nothing did.
    /// </summary>
    public async Task BlobTriggersSettledAsync(TimeSpan? timeout = null)
    {
        var queue = BlobTriggerListener.QueueNameFor(HostId);
        await Activity.BlobScansAsync(1, timeout);
        await Activity.QueuePollsAsync(queue, 1, timeout);
        await Activity.WaitUntilAsync(activity => activity.InHand(queue) == 0, timeout, "the blob trigger messages settled");
    }

    /// <summary>The worker process this host started and supervises.</summary>
    public WorkerProcess Worker { get; }

    /// <summary>
    /// Completes when the host has stopped on its own, with the reason (the worker failed more often than the
    /// Functions host allows); null when it was asked to stop.
    /// </summary>
    public Task<string?> Stopped => _stopped.Task;

    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        var scriptRoot = Path.GetFullPath(options.ScriptRoot);
        var (settings, localSettings) = ReadSettings(options, scriptRoot);
        var hostConfiguration = HostJson.Load(scriptRoot);
        var description = WorkerDescription.Load(scriptRoot);
        var hostId = HostIdFor(settings, scriptRoot);
        var ownedLoggers = options.LoggerFactory is null ? ConsoleLoggers() : null;
        var loggers = options.LoggerFactory ?? ownedLoggers!;
        var logger = loggers.CreateLogger("Jamsostek.FunctionsHost");

        RpcServer? rpc = null;
        WorkerProcess? worker = null;
        try
        {
            rpc = await RpcServer.StartAsync(loggers, cancellationToken);
            worker = await DuringHandshakeAsync(null, () => WorkerProcess.StartAsync(scriptRoot, description, settings, rpc.Address, rpc.Connections,
                options.WorkerRestart, loggers, cancellationToken), cancellationToken);
            var started = worker;
            var app = await DuringHandshakeAsync(worker, () => LoadAppAsync(started, scriptRoot, hostConfiguration, description, settings, cancellationToken),
                cancellationToken);
            foreach (var error in app.Errors)
            {
                HostLog.FunctionInError(logger, error);
            }
            var activity = new HostActivity();
            var web = BuildWeb(app, settings, worker, activity, options, localSettings, hostId, loggers);
            var host = new LocalFunctionsHost(web, rpc, app, settings, hostId, worker, activity, ownedLoggers);
            worker.GaveUp += reason => _ = host.StopOnItsOwnAsync(reason);
            await host.StartServingAsync(options, loggers, logger, cancellationToken);
            return host;
        }
        catch when (worker is not null || rpc is not null)
        {
            if (worker is not null)
            {
                await worker.DisposeAsync();
            }
            if (rpc is not null)
            {
                await rpc.DisposeAsync();
            }
            ownedLoggers?.Dispose();
            throw;
        }
    }

    /// <summary>The app's settings: the options' own over the environment (when read) over local.settings.json, as Core Tools orders them.</summary>
    private static (AppSettings Settings, LocalSettings? LocalSettings) ReadSettings(LocalHostOptions options, string scriptRoot)
    {
        var settingsPath = options.LocalSettingsPath ?? Path.Combine(scriptRoot, "local.settings.json");
        var localSettings = File.Exists(settingsPath) ? LocalSettings.Load(settingsPath) : null;
        var environment = options.ReadEnvironment
            ? System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(entry => KeyValuePair.Create((string)entry.Key, (string?)entry.Value))
            : [];
        return (new AppSettings(localSettings, environment, options.Settings), localSettings);
    }

    /// <summary>One line per message on the console, the frameworks' own only from warnings up.</summary>
    private static ILoggerFactory ConsoleLoggers() => LoggerFactory.Create(logging => logging
        .AddSimpleConsole(console => console.SingleLine = true)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("System", LogLevel.Warning)
        .AddFilter("Grpc", LogLevel.Warning)
        .AddFilter("Yarp", LogLevel.Warning));

    /// <summary>A step of the worker's start-up: a worker that does not answer in time, or stops, is an app error with its last output.</summary>
    private static async Task<T> DuringHandshakeAsync<T>(WorkerProcess? worker, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FunctionAppException($"The worker did not finish its handshake in time (worker init and each function load have {WorkerProcess.InitializationLimit.TotalSeconds:0} s). Its last output:{System.Environment.NewLine}{worker?.RecentOutput}");
        }
        catch (WorkerUnavailableException ex)
        {
            throw new FunctionAppException($"The worker stopped during its handshake: {ex.Message}. Its last output:{System.Environment.NewLine}{worker?.RecentOutput}");
        }
    }

    /// <summary>The worker's functions, indexed and loaded; those it could not load are in error.</summary>
    private static async Task<FunctionApp> LoadAppAsync(WorkerProcess worker, string scriptRoot, HostConfiguration hostConfiguration,
        WorkerDescription description, AppSettings settings, CancellationToken cancellationToken)
    {
        var (functions, errors) = FunctionIndex.Build(await IndexAsync(worker, description, scriptRoot, cancellationToken), settings);
        var loadFailures = await worker.LoadFunctionsAsync(functions, cancellationToken);
        return new FunctionApp(scriptRoot, hostConfiguration, description, functions,
            [.. errors, .. loadFailures.Select(failure => $"Function {failure.Key} is in error: the worker could not load it ({failure.Value}).")]);
    }

    /// <summary>Starts the web server, learns the address it listens on, then the triggers' listeners; a host that cannot is disposed.</summary>
    private async Task StartServingAsync(LocalHostOptions options, ILoggerFactory loggers, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await _web.StartAsync(cancellationToken);
            var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
            StartListeners(options, Settings, _web.Services, loggers);
            HostLog.HostStarted(logger, HostId, BaseAddress, App.Functions.Count);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the listeners and the worker's supervision at once, before anything is disposed: on a terminal's
    /// Ctrl+C the worker gets the same SIGINT and exits, which must not look like a crash to restart from.
    /// </summary>
    public async Task BeginStoppingAsync()
    {
        await Worker.StopRestartingAsync();
        await _stopping.CancelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await BeginStoppingAsync();
        try
        {
            await Task.WhenAll(_listeners).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
        await _web.StopAsync(CancellationToken.None);
        await _web.DisposeAsync();
        await Worker.DisposeAsync();
        await _rpc.DisposeAsync();
        _stopped.TrySetResult(null);
        _ownedLoggers?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The worker indexes its functions; one that asks the host to (or cannot) gets functions.metadata read for it.</summary>
    private static async Task<IReadOnlyList<RpcFunctionMetadata>> IndexAsync(WorkerProcess worker, WorkerDescription description, string scriptRoot,
        CancellationToken cancellationToken)
    {
        if (!description.WorkerIndexing)
        {
            return FunctionsMetadataFile.Load(scriptRoot);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(WorkerProcess.StartupLimit);
        var response = await worker.Channel!.GetFunctionMetadataAsync(scriptRoot, limit.Token);
        if (response.Result?.Status == StatusResult.Types.Status.Failure)
        {
            throw new FunctionAppException($"The worker could not index its functions: {response.Result.Exception?.Message ?? response.Result.Result}");
        }
        return response.UseDefaultMetadataIndexing ? FunctionsMetadataFile.Load(scriptRoot) : response.FunctionMetadataResults;
    }

    private static WebApplication BuildWeb(FunctionApp app, AppSettings settings, WorkerProcess worker, HostActivity activity, LocalHostOptions options,
        LocalSettings? localSettings, string hostId, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        var port = options.HttpPort ?? localSettings?.Host.LocalHttpPort ?? 7071;
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            // The host takes any body the function takes; the app sets its own limits.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        AddHostServices(builder.Services, app, settings, worker, activity, loggers);
        // DNS rebinding: a web page whose own name resolves to 127.0.0.1 reaches this host with that name as Host.
        // Only loopback names are answered (400 otherwise), whatever the port.
        builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(filtering =>
            filtering.AllowedHosts = ["127.0.0.1", "localhost", "[::1]"]);
        if (localSettings?.Host.Cors is { Length: > 0 } cors)
        {
            AddCors(builder.Services, cors, localSettings.Host.CorsCredentials);
        }

        var web = builder.Build();
        web.UseHostFiltering();
        if (localSettings?.Host.Cors is { Length: > 0 })
        {
            web.UseCors();
        }
        // The host's landing page answers the root URL unless AzureWebJobsDisableHomepage is set, as in Azure; then a
        // function routed at the root (the office portal) gets it.
        if (!settings.IsTrue("AzureWebJobsDisableHomepage"))
        {
            web.MapGet("/", () => TypedResults.Text($"Local Functions host {hostId} is running: {app.Functions.Count} functions from {app.ScriptRoot}."));
        }
        web.MapAdmin(hostId);
        web.MapHttpTriggers(app, settings);
        return web;
    }

    /// <summary>What the endpoints and the listeners share: the app, its settings and worker, storage, keys, triggers and the proxy to the worker.</summary>
    private static void AddHostServices(IServiceCollection services, FunctionApp app, AppSettings settings, WorkerProcess worker, HostActivity activity, ILoggerFactory loggers)
    {
        services.AddSingleton(app);
        services.AddSingleton(settings);
        services.AddSingleton(worker);
        services.AddSingleton(activity);
        services.AddSingleton(new StorageClients(settings, app.Host.Queues));
        services.AddSingleton<QueueSignals>();
        services.AddSingleton<OutputBinder>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<FunctionKeys>();
        services.AddSingleton<TriggerRegistry>();
        services.AddSingleton(new HttpMessageInvoker(new RetryProxyHandler(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        }, loggers.CreateLogger("Jamsostek.FunctionsHost.Http"))));
        services.AddHttpForwarder();
    }

    /// <summary>local.settings.json's Host.CORS: the origins allowed ("*" for any), with credentials when Host.CORSCredentials says so.</summary>
    private static void AddCors(IServiceCollection services, string cors, bool credentials) =>
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            var origins = cors.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
                if (credentials)
                {
                    policy.AllowCredentials();
                }
            }
            policy.AllowAnyHeader().AllowAnyMethod();
        }));

    private async Task StopOnItsOwnAsync(string reason)
    {
        _stopped.TrySetResult(reason);
        await BeginStoppingAsync();
    }

    private void StartListeners(LocalHostOptions options, AppSettings settings, IServiceProvider services, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Jamsostek.FunctionsHost.Triggers");
        var storage = services.GetRequiredService<StorageClients>();
        var signals = services.GetRequiredService<QueueSignals>();
        var invoker = services.GetRequiredService<FunctionInvoker>();
        var registry = services.GetRequiredService<TriggerRegistry>();
        var enabled = App.Functions.Where(f => !settings.IsDisabled(f.Name)).ToList();
        foreach (var disabled in App.Functions.Except(enabled))
        {
            HostLog.FunctionDisabled(logger, disabled.Name);
        }

        var blobFunctions = enabled.Where(f => f.Trigger is BlobTriggerBinding).ToList();
        var allBlobFunctions = App.Functions.Where(f => f.Trigger is BlobTriggerBinding).ToList();
        var blobs = new BlobTriggerListener(allBlobFunctions, App, storage, signals, Activity, invoker, logger, HostId, options.BlobScanInterval);
        if (blobFunctions.Count > 0)
        {
            registry.Listeners.Add(new BlobTriggerListener(blobFunctions, App, storage, signals, Activity, invoker, logger, HostId, options.BlobScanInterval));
        }
        var timeZone = TimerSchedule.TimeZone(settings);
        foreach (var function in App.Functions)
        {
            var isEnabled = enabled.Contains(function);
            switch (function.Trigger)
            {
                case BlobTriggerBinding:
                    registry.AddRunNow(function, (input, ct) => blobs.InvokeWithInputAsync(function, input ?? "", ct));
                    break;
                case QueueTriggerBinding queue:
                    var queueListener = new QueueTriggerListener(function, queue, App, storage, signals, Activity, invoker, logger);
                    registry.AddRunNow(function, (input, ct) => queueListener.InvokeWithInputAsync(input ?? "", ct));
                    if (isEnabled)
                    {
                        registry.Listeners.Add(queueListener);
                    }
                    break;
                case TimerTriggerBinding timer:
                    var schedule = TimerSchedule.Parse(timer.Schedule, timeZone, function.Name);
                    var timerListener = new TimerTriggerListener(function, timer, schedule, storage, invoker, logger, HostId, options.TimerLockRetryInterval, options.Clock);
                    registry.AddRunNow(function, (_, ct) => timerListener.InvokeNowAsync(ct));
                    if (isEnabled)
                    {
                        registry.Listeners.Add(timerListener);
                    }
                    break;
            }
        }
        foreach (var listener in registry.Listeners)
        {
            _listeners.Add(Task.Run(() => RunListenerAsync(listener, logger)));
        }
    }

    private async Task RunListenerAsync(ITriggerListener listener, ILogger logger)
    {
        // A listener that fails (storage down, a bad setting) starts again, as the host restarts listeners.
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await listener.RunAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                HostLog.ListenerFailed(logger, listener.FunctionName, ex.GetType().Name, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// AzureFunctionsWebHost__hostid when set; otherwise derived from the machine and the script root, so
    /// hosts running the same app on one machine share receipts, timer status and locks.
    /// </summary>
    private static string HostIdFor(AppSettings settings, string scriptRoot)
    {
        var configured = settings["AzureFunctionsWebHost__hostid"] ?? settings["AzureFunctionsWebHost:hostid"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.ToLowerInvariant();
        }
        var machine = new string([.. System.Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scriptRoot)))[..8];
        var id = $"{machine[..Math.Min(machine.Length, 23)]}-{hash}";
        return id.TrimStart('-');
    }
}
