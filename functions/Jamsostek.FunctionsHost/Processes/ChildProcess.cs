using System.Diagnostics;

namespace Jamsostek.FunctionsHost.Processes;

/// <summary>
/// A process the local host started and owns: its output goes to the log, and stopping the host stops
/// it and everything it started (no orphans after Ctrl+C or SIGTERM).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly Queue<string> _recentOutput = new();
    private int _disposed;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>Kept from the start: Process.Id throws once the process is disposed, and an exited child is disposed before its successor starts.</summary>
    public int Id { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited; null while it runs.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public event Action<ChildProcess>? Exited;

    /// <summary>The last lines the process wrote, for error messages when it dies early.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recentOutput)
            {
                return string.Join(Environment.NewLine, _recentOutput);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/>; each line it writes goes to <paramref name="onOutput"/> with the child's name and
    /// whether it came from standard error.
    /// </summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Action<ChildOutput> onOutput)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, isError: false, onOutput);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, isError: true, onOutput);
        process.Exited += (_, _) => child.Exited?.Invoke(child);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start ({fileName}).");
        }
        child.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ProcessRegistry.Track(child);
        return child;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process and its descendants at once: a crash, as a test of recovery wants.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        ProcessRegistry.Forget(this);
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It did not die within the time; nothing more can be done from here.
        }
        _process.Dispose();
    }

    private void OnLine(string? line, bool isError, Action<ChildOutput> onOutput)
    {
        if (line is null)
        {
            return;
        }
        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            if (_recentOutput.Count > 20)
            {
                _recentOutput.Dequeue();
            }
        }
        onOutput(new ChildOutput(_name, line, isError));
    }
}

/// <summary>A line a child process wrote: to standard error when <paramref name="IsError"/>, else to standard output.</summary>
public readonly record struct ChildOutput(string Source, string Line, bool IsError);
