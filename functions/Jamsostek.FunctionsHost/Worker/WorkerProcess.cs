using System.Globalization;
using System.Reflection;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Processes;
using Jamsostek.FunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// The worker process, started and supervised as the Functions host does it: the command worker.config.json
/// describes plus the host's connection arguments, the app settings in its environment, StartStream within 60 s, then
/// WorkerInitRequest and one FunctionLoadRequest per function. A worker that dies is started again and its functions
/// loaded again under the ids of the first indexing, at most every 10 s; a worker that exits with code 0 is not
/// (it was asked to stop), and after 3 failures within 30 minutes the host gives up.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long the worker has to answer WorkerInitRequest and each FunctionLoadRequest.</summary>
    public static readonly TimeSpan InitializationLimit = TimeSpan.FromSeconds(30);

    /// <summary>WorkerTerminate's grace period before the host kills the worker.</summary>
    public static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);

    private readonly string _scriptRoot;
    private readonly WorkerDescription _description;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Uri _rpcAddress;
    private readonly WorkerConnections _connections;
    private readonly WorkerRestartPolicy _policy;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<DateTimeOffset> _failures = [];
    private readonly object _gate = new();
    private TaskCompletionSource<WorkerChannel> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<FunctionDefinition> _functions = [];
    private ChildProcess? _child;
    private WorkerChannel? _channel;
    private DateTimeOffset _lastStart;
    private string? _gaveUp;

    private WorkerProcess(string scriptRoot, WorkerDescription description, AppSettings settings, Uri rpcAddress, WorkerConnections connections,
        WorkerRestartPolicy policy, ILoggerFactory loggers)
    {
        _scriptRoot = scriptRoot;
        _description = description;
        _rpcAddress = rpcAddress;
        _connections = connections;
        _policy = policy;
        _loggers = loggers;
        _logger = loggers.CreateLogger("Host.Function.Console");
        _environment = Environment(scriptRoot, description, settings);
    }

    /// <summary>The last lines the worker wrote to its console, for errors at start.</summary>
    public string RecentOutput => _child?.RecentOutput ?? "";

    /// <summary>The running worker's process id.</summary>
    public int? ProcessId => _child?.Id;

    /// <summary>The functions the worker could not load, with its reason: invocations of them fail at once.</summary>
    public IReadOnlyDictionary<string, string> LoadFailures { get; private set; } = new Dictionary<string, string>();

    /// <summary>The worker's channel, once it has connected (and after each restart).</summary>
    public WorkerChannel? Channel => _channel;

    /// <summary>Raised once when the worker failed more often than the restart policy allows; the host stops then.</summary>
    public event Action<string>? GaveUp;

    /// <summary>Starts the worker and runs the handshake up to WorkerInitResponse; functions are loaded by <see cref="LoadFunctionsAsync"/>.</summary>
    public static async Task<WorkerProcess> StartAsync(string scriptRoot, WorkerDescription description, AppSettings settings, Uri rpcAddress,
        WorkerConnections connections, WorkerRestartPolicy policy, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var worker = new WorkerProcess(scriptRoot, description, settings, rpcAddress, connections, policy, loggers);
        try
        {
            await worker.StartChildAsync(cancellationToken);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
        return worker;
    }

    /// <summary>
    /// Loads every function on the current channel (a failed load puts that function in error, as in the Functions
    /// host) and makes the channel available for invocations; restarts load the same functions again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadFunctionsAsync(IReadOnlyList<FunctionDefinition> functions, CancellationToken cancellationToken)
    {
        _functions = functions;
        var channel = _channel ?? throw new WorkerUnavailableException("the worker has not connected");
        LoadFailures = await LoadAsync(channel, cancellationToken);
        _ready.TrySetResult(channel);
        return LoadFailures;
    }

    /// <summary>
    /// The channel to send an invocation on: the current one, or the next one when the worker is being started again.
    /// Fails when no worker is ready within <paramref name="wait"/>, or when the host gave up on the worker.
    /// </summary>
    public async Task<WorkerChannel> GetChannelAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            if (_gaveUp is { } reason)
            {
                throw new WorkerUnavailableException(reason);
            }
            Task<WorkerChannel> ready;
            lock (_gate)
            {
                ready = _ready.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new WorkerUnavailableException($"no worker was ready within {wait.TotalSeconds:0} s");
            }
            try
            {
                var channel = await ready.WaitAsync(left, cancellationToken);
                if (!channel.IsClosed)
                {
                    return channel;
                }
            }
            catch (TimeoutException)
            {
                throw new WorkerUnavailableException($"no worker was ready within {wait.TotalSeconds:0} s");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Kills the worker as a crash would; the supervisor starts it again (tests of recovery use this).</summary>
    public void Crash() => _child?.Kill();

    /// <summary>
    /// The host is stopping: a worker that exits from now on stays down (a terminal's Ctrl+C reaches the worker too),
    /// while one still running serves the invocations the host lets finish.
    /// </summary>
    public Task StopRestartingAsync() => _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        var child = _child;
        if (child is not null)
        {
            if (_channel is { IsClosed: false } channel && channel.Capabilities.ContainsKey("HandlesWorkerTerminateMessage") && !child.HasExited)
            {
                channel.Terminate(TerminateGracePeriod);
                using var grace = new CancellationTokenSource(TerminateGracePeriod);
                try
                {
                    await child.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // Past the grace period: killed below.
                }
            }
            _channel?.Close("the host stopped");
            await child.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private async Task StartChildAsync(CancellationToken cancellationToken)
    {
        var (workerId, connected) = _connections.Expect();
        var requestId = Guid.NewGuid().ToString();
        var maxMessageLength = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        var address = _rpcAddress.AbsoluteUri;
        string[] arguments =
        [
            .. _description.Arguments,
            .. _description.WorkerPath is { } workerPath ? new[] { workerPath } : [],
            "--host", _rpcAddress.Host, "--port", _rpcAddress.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", address, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxMessageLength,
        ];
        _lastStart = DateTimeOffset.UtcNow;
        ChildProcess child;
        try
        {
            child = ChildProcess.Start("worker", _description.ExecutablePath, arguments, _scriptRoot, _environment, output => HostLog.WorkerOutput(_logger,
                output.IsError ? LogLevel.Warning : LogLevel.Information, output.Line));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _connections.Forget(workerId);
            throw new FunctionAppException($"The worker {_description.ExecutablePath} (worker.config.json defaultExecutablePath) could not be started: {ex.Message}");
        }
        child.Exited += OnExited;
        _child = child;
        HostLog.WorkerStarting(_logger, _description.ExecutablePath, child.Id);

        var exited = child.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(connected, exited, Task.Delay(StartupLimit, cancellationToken));
        if (first != connected)
        {
            _connections.Forget(workerId);
            cancellationToken.ThrowIfCancellationRequested();
            var why = child.HasExited ? $"exited with code {child.ExitCode} while starting" : $"did not open its event stream within {StartupLimit.TotalSeconds:0} s";
            child.Kill();
            throw new FunctionAppException($"The worker {why}. Its last output:{System.Environment.NewLine}{child.RecentOutput}");
        }
        var channel = await connected;
        _channel = channel;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(InitializationLimit);
        var request = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = _scriptRoot,
            FunctionAppDirectory = _scriptRoot,
        };
        request.Capabilities["MultiStream"] = "10";
        var response = await channel.InitializeAsync(request, limit.Token);
        if (response.Result?.Status == StatusResult.Types.Status.Failure)
        {
            throw new FunctionAppException($"The worker failed to initialize: {response.Result.Exception?.Message ?? response.Result.Result}");
        }
        HostLog.WorkerInitialized(_logger, child.Id, response.WorkerMetadata?.RuntimeName ?? "", response.WorkerMetadata?.RuntimeVersion ?? "");
    }

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(WorkerChannel channel, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(InitializationLimit);
        var responses = await Task.WhenAll(_functions.Select(function => channel.LoadAsync(
            new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function.Metadata }, limit.Token)));
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var response in responses.Where(r => r.Result?.Status == StatusResult.Types.Status.Failure))
        {
            var name = _functions.First(f => f.FunctionId == response.FunctionId).Name;
            failures[name] = response.Result.Exception?.Message ?? response.Result.Result;
        }
        return failures;
    }

    private void OnExited(ChildProcess child)
    {
        if (!ReferenceEquals(child, _child))
        {
            return;
        }
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        var code = child.ExitCode ?? -1;
        _channel?.Close($"the worker process exited with code {code}");
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        if (code == 0)
        {
            // As the Functions host: an exit with code 0 was asked for and is not restarted.
            HostLog.WorkerExitedNormally(_logger);
            return;
        }
        _ = Task.Run(() => RestartAsync(child, code));
    }

    private async Task RestartAsync(ChildProcess exited, int exitCode)
    {
        await exited.DisposeAsync();
        var reason = $"exited with code {exitCode}";
        while (!_stopping.IsCancellationRequested)
        {
            if (!RecordFailure(reason))
            {
                return;
            }
            try
            {
                var wait = _lastStart + _policy.RestartInterval - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _stopping.Token);
                }
                HostLog.WorkerRestarting(_logger, reason);
                await StartChildAsync(_stopping.Token);
                var channel = _channel!;
                LoadFailures = await LoadAsync(channel, _stopping.Token);
                lock (_gate)
                {
                    _ready.TrySetResult(channel);
                }
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is FunctionAppException or WorkerUnavailableException or OperationCanceledException)
            {
                reason = ex.Message;
                HostLog.WorkerRestartFailed(_logger, ex.Message);
                if (_child is { } failed && !ReferenceEquals(failed, exited))
                {
                    failed.Exited -= OnExited;
                    await failed.DisposeAsync();
                }
            }
        }
    }

    /// <summary>Counts a failure; false when that makes too many within the window and the host gives up.</summary>
    private bool RecordFailure(string reason)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            _failures.RemoveAll(failure => now - failure > _policy.FailureWindow);
            _failures.Add(now);
            if (_failures.Count < _policy.MaxFailures)
            {
                return true;
            }
            _gaveUp = $"the worker failed {_failures.Count} times within {_policy.FailureWindow.TotalMinutes:0} minutes (last: {reason}); the host stops";
            _ready.TrySetException(new WorkerUnavailableException(_gaveUp));
        }
        HostLog.WorkerGaveUp(_logger, _gaveUp);
        GaveUp?.Invoke(_gaveUp);
        return false;
    }

    private static string HostVersion { get; } =
        typeof(WorkerProcess).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "4.0.0";

    /// <summary>
    /// The app settings as environment variables (in Azure they are the process environment), plus what the Functions
    /// host and Core Tools add: where the app is, its worker runtime, and the local environment name.
    /// </summary>
    private static Dictionary<string, string> Environment(string scriptRoot, WorkerDescription description, AppSettings settings)
    {
        var environment = new Dictionary<string, string>(settings.Values, StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_DIRECTORY"] = scriptRoot,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = scriptRoot,
            ["AzureWebJobsScriptRoot"] = scriptRoot,
        };
        environment.TryAdd("FUNCTIONS_WORKER_RUNTIME", description.Language);
        environment.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        foreach (var (name, value) in settings.ConnectionStrings)
        {
            environment[$"ConnectionStrings__{name}"] = value;
        }
        // A framework-dependent worker started through its apphost finds the runtime this host runs on.
        if (!environment.ContainsKey("DOTNET_ROOT") && System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is null
            && Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))) is { } runtimeParent)
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(runtimeParent)!;
        }
        return environment;
    }
}

/// <summary>How the host restarts a worker that dies: the Functions host's defaults unless a test needs others.</summary>
public sealed record WorkerRestartPolicy
{
    /// <summary>At least this long between two starts of the worker.</summary>
    public TimeSpan RestartInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The failure that makes the host give up (the third), counted within <see cref="FailureWindow"/>.</summary>
    public int MaxFailures { get; init; } = 3;

    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(30);
}
