using System.Net;
using System.Net.Sockets;
using Jamsostek.LocalHost.App;
using Jamsostek.LocalHost.Processes;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Handler;

/// <summary>
/// Starts the executable host.json names, with FUNCTIONS_CUSTOMHANDLER_PORT and the app settings in its
/// environment, waits up to 60 seconds for any HTTP answer, and restarts it if it dies, as the Functions host does.
/// </summary>
public sealed class HandlerProcess : IHandlerEndpoint, IAsyncDisposable
{
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly FunctionApp _app;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ILogger _logger;
    private readonly string _executable;
    private readonly int _port;
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _child;

    private HandlerProcess(FunctionApp app, AppSettings settings, ILogger logger)
    {
        _app = app;
        _logger = logger;
        _port = FreeTcpPort();
        _executable = Path.GetFullPath(Path.Combine(app.ScriptRoot, app.Host.CustomHandler.DefaultExecutablePath));
        var environment = new Dictionary<string, string>(settings.Values, StringComparer.Ordinal)
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["AzureWebJobsScriptRoot"] = app.ScriptRoot,
        };
        // A framework-dependent apphost finds the runtime the local host itself runs on.
        if (!environment.ContainsKey("DOTNET_ROOT") && Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))) is { } runtimeParent)
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(runtimeParent)!;
        }
        _environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{_port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The running process's id, for tests that kill it to prove recovery.</summary>
    public int? ProcessId => _child?.Id;

    public static async Task<HandlerProcess> StartAsync(FunctionApp app, AppSettings settings, ILogger logger, CancellationToken cancellationToken = default)
    {
        var handler = new HandlerProcess(app, settings, logger);
        if (!File.Exists(handler._executable))
        {
            throw new FunctionAppException($"The custom handler executable {handler._executable} (host.json defaultExecutablePath) does not exist. Build or publish the app first.");
        }
        await handler.StartChildAsync(cancellationToken);
        return handler;
    }

    /// <summary>Kills the handler as a crash would; the supervisor starts it again.</summary>
    public void Crash() => _child?.Kill();

    /// <summary>
    /// The host is stopping: a handler that exits from now on (a terminal's Ctrl+C reaches the whole process group)
    /// stays down, while one still running serves the invocations the host lets finish.
    /// </summary>
    public Task StopRestartingAsync() => _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_child is not null)
        {
            await _child.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task StartChildAsync(CancellationToken cancellationToken)
    {
        var workingDirectory = string.IsNullOrEmpty(_app.Host.CustomHandler.WorkingDirectory)
            ? _app.ScriptRoot
            : Path.GetFullPath(Path.Combine(_app.ScriptRoot, _app.Host.CustomHandler.WorkingDirectory));
        var child = ChildProcess.Start("handler", _executable, _app.Host.CustomHandler.Arguments, workingDirectory, _environment,
            (_, line) => HostLog.HandlerOutput(_logger, line));
        child.Exited += OnExited;
        _child = child;
        HostLog.HandlerStarting(_logger, _executable, _port);
        await WaitUntilAnsweringAsync(child, cancellationToken);
        HostLog.HandlerReady(_logger, _port);
    }

    private async Task WaitUntilAnsweringAsync(ChildProcess child, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartupLimit;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.HasExited)
            {
                throw new FunctionAppException($"The custom handler exited while starting. Its last output:{Environment.NewLine}{child.RecentOutput}");
            }
            try
            {
                using var response = await http.GetAsync(BaseAddress, cancellationToken);
                return; // Any HTTP answer means the server is up.
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancellationToken);
        }
        throw new FunctionAppException($"The custom handler did not answer on port {_port} within {StartupLimit.TotalSeconds:0} seconds.");
    }

    private void OnExited(ChildProcess child)
    {
        if (_stopping.IsCancellationRequested || !ReferenceEquals(child, _child))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await child.DisposeAsync();
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    // A moment first: an exit that is part of stopping (Ctrl+C reaches the handler too) is known by then.
                    await Task.Delay(500, _stopping.Token);
                    HostLog.HandlerExited(_logger);
                    await StartChildAsync(_stopping.Token);
                    return;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex) when (ex is FunctionAppException or InvalidOperationException)
                {
                    HostLog.HandlerRestartFailed(_logger, ex.Message);
                }
            }
        });
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
