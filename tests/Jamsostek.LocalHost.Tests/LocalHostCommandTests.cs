using Jamsostek.TestSupport;
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
    public async Task CommandPrintsTheSummaryAndWarningsOnlyAndTheHostsAndTheAppsInformationGoesToTheLogFileItNames()
    {
        await using var command = await Command.StartAsync(azurite.ConnectionString, ownProcessGroup: false);
        // The summary ends when the samples are final (up to 120 s per group): the command's main job has run.
        await command.WaitForLineAsync(line => line == "Press Ctrl+C to stop everything.", TimeSpan.FromSeconds(300));
        await command.InterruptAsync(TimeSpan.FromSeconds(60), wholeGroup: false);

        Assert.Equal(0, command.ExitCode);
        var console = command.Lines;
        var summary = console.SkipWhile(line => line != "Jamsostek Functions is running locally.").ToList();
        Assert.NotEmpty(summary);
        Assert.Contains(summary, line => line.StartsWith($"  Health      GET {command.BaseAddress}api/health -> 200 ", StringComparison.Ordinal));
        Assert.Contains(summary, line => line.StartsWith("  Functions   ", StringComparison.Ordinal) && line.Contains("IngestUpload", StringComparison.Ordinal));
        Assert.Contains(summary, line => line.StartsWith("Samples     samples -> container uploads", StringComparison.Ordinal));
        // Warnings and errors would show (other tests leave blobs here); nothing below them does, from any logger.
        Assert.DoesNotContain(console, line => InformationLogLine().IsMatch(line));
        Assert.DoesNotContain(console, line => line.Contains("listening on", StringComparison.Ordinal) || line.Contains("Executing 'Functions.", StringComparison.Ordinal));

        var log = command.LogFileNamedIn(summary);
        Assert.Contains($"(log: {log};", console[0], StringComparison.Ordinal);
        var logLines = await File.ReadAllLinesAsync(log);
        Assert.Contains(logLines, line => LogFileLine().IsMatch(line) && line.Contains($" info: Jamsostek.FunctionsHost[1] Host ", StringComparison.Ordinal)
            && line.EndsWith($" listening on {command.BaseAddress} with 22 functions", StringComparison.Ordinal));
        Assert.Contains(logLines, line => line.Contains(" info: Host.Function.Console[11] Worker process ", StringComparison.Ordinal));
        Assert.Contains(logLines, line => line.Contains(" info: Jamsostek.FunctionsHost.Worker.FunctionInvoker[21] Executed 'Functions.Health' (Succeeded", StringComparison.Ordinal));
        Assert.Contains(logLines, line => line.Contains("Executed 'Functions.ListUploads' (Succeeded", StringComparison.Ordinal));
        // The framework's information lines (request URLs, keys in query strings among them) go nowhere.
        Assert.DoesNotContain(logLines, line => line.Contains(" info: Microsoft.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerboseCommandServesTheAppShowsItsLogsAndSigintLeavesNoProcessBehind()
    {
        await using var command = await Command.StartAsync(azurite.ConnectionString, ownProcessGroup: false, "--verbose");
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
        Assert.Contains(command.Lines, line => InformationLogLine().IsMatch(line) && line.Contains("Executed 'Functions.Health' (Succeeded", StringComparison.Ordinal));
        // The log file has them as well.
        var log = Assert.Single(Directory.GetFiles(command.LogFolder));
        Assert.Contains($"(log: {log}, also shown here).", command.Lines[0], StringComparison.Ordinal);
        Assert.Contains(await File.ReadAllLinesAsync(log), line => line.EndsWith($" listening on {command.BaseAddress} with 22 functions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CtrlCInATerminalStopsTheCommandWithoutStartingTheWorkerAgain()
    {
        // A terminal's Ctrl+C sends SIGINT to the whole foreground process group: the worker gets it too, and
        // exits at once. The host, stopping, must not take that for a crash and start the worker again.
        await using var command = await Command.StartAsync(azurite.ConnectionString, ownProcessGroup: true, "--verbose");
        var worker = command.WorkerProcessId();

        await command.InterruptAsync(TimeSpan.FromSeconds(30), wholeGroup: true);

        Assert.Equal(0, command.ExitCode);
        var afterStop = command.Lines.SkipWhile(line => !line.StartsWith("Stopping:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(afterStop);
        Assert.DoesNotContain(afterStop, line => line.Contains("starting it again", StringComparison.Ordinal) || line.Contains("Starting worker process", StringComparison.Ordinal));
        Assert.False(IsRunning(worker), "a worker runs after the command stopped");
    }

    /// <summary>
    /// `dotnet run --project functions/Jamsostek.LocalHost -- --port 0` as a developer runs it, output captured, its log
    /// files in a folder of the test's own.
    /// </summary>
    private sealed class Command : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        private Command(Process process, string logFolder)
        {
            _process = process;
            LogFolder = logFolder;
        }

        public string LogFolder { get; }

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

        /// <summary>Starts the command and waits until its host listens (a verbose command says so) or its summary names the host.</summary>
        public static async Task<Command> StartAsync(string storage, bool ownProcessGroup, params string[] arguments)
        {
            var executable = Path.Combine(AppContext.BaseDirectory, "Jamsostek.LocalHost");
            var logFolder = Path.Combine(Path.GetTempPath(), "jamsostek-command-logs-" + Guid.NewGuid().ToString("N")[..8]);
            // SIGINT as a terminal leaves it: the test run may itself have been started with SIGINT ignored (a
            // background job), which its children would inherit and .NET, rightly, keeps. setsid makes the command the
            // leader of a new process group, as a shell makes a foreground job, so that signalling the group reaches it
            // and its children but not the test run. Both exec, so the process id stays the command's.
            var startInfo = new ProcessStartInfo("env", ["--default-signal=INT", .. ownProcessGroup ? ["setsid"] : Array.Empty<string>(), executable,
                "--port", "0", "--log-folder", logFolder, .. arguments]);
            startInfo.RedirectStandardOutput = true;
            startInfo.RedirectStandardError = true;
            startInfo.Environment["AzureWebJobsStorage"] = storage;
            var command = new Command(Process.Start(startInfo)!, logFolder);
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Both streams are drained: a full stderr pipe would block the command's writes and so its exit.
            command._process.ErrorDataReceived += (_, e) => command.Add(e.Data);
            command._process.OutputDataReceived += (_, e) =>
            {
                command.Add(e.Data);
                if (e.Data is not null && HostAddress(e.Data) is { } address)
                {
                    listening.TrySetResult(address);
                }
            };
            command._process.BeginOutputReadLine();
            command._process.BeginErrorReadLine();
            try
            {
                command.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }
            return command;
        }

        /// <summary>Waits until the command has printed a line that <paramref name="matches"/>.</summary>
        public async Task WaitForLineAsync(Func<string, bool> matches, TimeSpan limit)
        {
            var deadline = DateTime.UtcNow + limit;
            while (!Lines.Any(matches))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"The command {(_process.HasExited ? "exited" : $"ran {limit.TotalSeconds:0} s")} without printing the line awaited. Its last lines:\n{string.Join('\n', Lines.TakeLast(30))}");
                }
                await Task.Delay(200);
            }
        }

        /// <summary>The log file the summary's Log line names, which is in the test's folder.</summary>
        public string LogFileNamedIn(IEnumerable<string> summary)
        {
            const string label = "  Log         ";
            var line = Assert.Single(summary, line => line.StartsWith(label, StringComparison.Ordinal));
            var path = line[label.Length..line.IndexOf(" (", StringComparison.Ordinal)];
            Assert.Equal(LogFolder, Path.GetDirectoryName(path));
            Assert.True(File.Exists(path), $"{path} named in the summary does not exist");
            return path;
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
            if (Directory.Exists(LogFolder))
            {
                Directory.Delete(LogFolder, recursive: true);
            }
            return ValueTask.CompletedTask;
        }

        /// <summary>The host's address: in the host's "listening on" line (shown when verbose) or the summary's Portal line.</summary>
        private static Uri? HostAddress(string line) =>
            (ListeningLine().Match(line) is { Success: true } listening ? listening : PortalLine().Match(line)) is { Success: true } match
                ? new Uri(match.Groups[1].Value)
                : null;

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

    [GeneratedRegex(@"^  Portal      (http://127\.0\.0\.1:\d+/)$")]
    private static partial Regex PortalLine();

    /// <summary>A console log line below warnings ("13:50:03 info: Category[1] ..."), as the simple console format writes it.</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d (info|dbug|trce): ")]
    private static partial Regex InformationLogLine();

    /// <summary>A log file line: "2026-12-04 13:50:03.123 info: Category[1] ...".</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (trce|dbug|info|warn|fail|crit): [^\[ ]+\[\d+\] ")]
    private static partial Regex LogFileLine();

    [GeneratedRegex(@"Worker process (\d+) started and initialized")]
    private static partial Regex WorkerStartedLine();
}
