using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Jamsostek.LocalHost.DevServices;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed partial class LocalHostCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CommandServesTheAppAndSigintLeavesNoProcessBehind()
    {
        await using var command = await Command.StartAsync(azurite.ConnectionString, ownProcessGroup: false);
        using var http = new HttpClient { BaseAddress = command.BaseAddress };
        using var health = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var worker = command.WorkerProcessId();

        // The host lets invocations in flight finish for up to 30 s (the blobs other tests left in this Azurite are
        // all new to its receipts), then gives the worker its 5 s to terminate: past that, it hangs.
        await command.InterruptAsync(TimeSpan.FromSeconds(60), wholeGroup: false);

        Assert.Equal(0, command.ExitCode);
        Assert.False(IsRunning(worker), "the worker still runs after the host stopped");
        Assert.False(await IsListeningAsync(command.BaseAddress.Port), "the host still listens after SIGINT");
    }

    [Fact]
    public async Task CtrlCInATerminalStopsTheCommandWithoutStartingTheWorkerAgain()
    {
        // A terminal's Ctrl+C sends SIGINT to the whole foreground process group: the worker gets it too, and
        // exits at once. The host, stopping, must not take that for a crash and start the worker again.
        await using var command = await Command.StartAsync(azurite.ConnectionString, ownProcessGroup: true);
        var worker = command.WorkerProcessId();

        await command.InterruptAsync(TimeSpan.FromSeconds(30), wholeGroup: true);

        Assert.Equal(0, command.ExitCode);
        var afterStop = command.Lines.SkipWhile(line => !line.StartsWith("Stopping:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(afterStop);
        Assert.DoesNotContain(afterStop, line => line.Contains("starting it again", StringComparison.Ordinal) || line.Contains("Starting worker process", StringComparison.Ordinal));
        Assert.False(IsRunning(worker), "a worker runs after the command stopped");
    }

    /// <summary>`dotnet run --project functions/Jamsostek.LocalHost -- --port 0` as a developer runs it, output captured.</summary>
    private sealed class Command : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        private Command(Process process) => _process = process;

        public Uri BaseAddress { get; private set; } = null!;

        public int ExitCode => _process.ExitCode;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public static async Task<Command> StartAsync(string storage, bool ownProcessGroup)
        {
            var executable = Path.Combine(AppContext.BaseDirectory, "Jamsostek.LocalHost");
            // SIGINT as a terminal leaves it: the test run may itself have been started with SIGINT ignored (a
            // background job), which its children would inherit and .NET, rightly, keeps. setsid makes the command the
            // leader of a new process group, as a shell makes a foreground job, so that signalling the group reaches it
            // and its children but not the test run. Both exec, so the process id stays the command's.
            var startInfo = new ProcessStartInfo("env", ["--default-signal=INT", .. ownProcessGroup ? ["setsid"] : Array.Empty<string>(), executable, "--port", "0"]);
            startInfo.RedirectStandardOutput = true;
            startInfo.RedirectStandardError = true;
            startInfo.Environment["AzureWebJobsStorage"] = storage;
            var command = new Command(Process.Start(startInfo)!);
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Both streams are drained: a full stderr pipe would block the command's writes and so its exit.
            command._process.ErrorDataReceived += (_, e) => command.Add(e.Data);
            command._process.OutputDataReceived += (_, e) =>
            {
                command.Add(e.Data);
                if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Groups[1].Value));
                }
            };
            command._process.BeginOutputReadLine();
            command._process.BeginErrorReadLine();
            try
            {
                command.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }
            return command;
        }

        public int WorkerProcessId() =>
            int.Parse(WorkerStartedLine().Match(string.Join('\n', Lines)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>SIGINT to the command (or to its whole process group), then waits for it to exit.</summary>
        public async Task InterruptAsync(TimeSpan limit, bool wholeGroup)
        {
            var target = _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Process.Start("kill", wholeGroup ? ["-INT", "--", "-" + target] : ["-INT", target])!.WaitForExit();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(limit);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The command did not stop within {limit.TotalSeconds:0} s of SIGINT. Its last lines:\n{string.Join('\n', Lines.TakeLast(30))}");
            }
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Add(string? line)
        {
            if (line is not null)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        }
    }

    [Fact]
    public async Task PortTakenBySomethingElseIsNamedInTheError()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var options = DevServices.DevServices.OnFreePorts(RepositoryPaths.Root, startMailDev: false);

        var error = await Assert.ThrowsAsync<DevServiceException>(() => DevServices.DevServices.StartAsync(
            new DevServicesOptions { RepositoryRoot = options.RepositoryRoot, BlobPort = port, QueuePort = options.QueuePort, TablePort = options.TablePort, StartMailDev = false },
            NullLogger.Instance));

        Assert.Contains($"Port {port} is in use by another program", error.Message);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Worker process (\d+) started and initialized")]
    private static partial Regex WorkerStartedLine();
}
