using System.Runtime.InteropServices;
using Jamsostek.LocalHost;
using Jamsostek.FunctionsHost.App;
using Jamsostek.LocalHost.DevServices;
using Jamsostek.LocalHost.Logging;

// dotnet run --project functions/Jamsostek.LocalHost [-- --script-root <app folder>] [--port <n>] [--verbose] [--log-folder <folder>]
if (StartOptions.Parse(args, out var usageError) is not { } options)
{
    Console.Error.WriteLine(usageError);
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
// Said at once, also when Ctrl+C comes while the samples are still being uploaded.
using var stopping = stop.Token.Register(() => Console.WriteLine("Stopping: the app, the local host and the dev services it started."));
FileLoggerProvider logFile;
try
{
    logFile = FileLoggerProvider.Create(options.LogFolder, DateTimeOffset.Now);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot start: no log file in {options.LogFolder} ({ex.Message}). Name a folder to write to with --log-folder.");
    return 1;
}
using var ownedLogFile = logFile;
// Disposed before the log file, so that the last lines (the host stopping) still reach it.
using var loggers = StartLogging.Create(logFile, options.Verbose);
Console.WriteLine($"Starting the local system (log: {RepositoryPaths.Display(logFile.Path)}{(options.Verbose ? ", also shown here" : "; --verbose shows it here")}).");

try
{
    await using var system = await LocalSystem.StartAsync(options.ScriptRoot, options.Port, loggers, stop.Token);
    using var stopSystem = stop.Token.Register(() => _ = system.Host.BeginStoppingAsync());
    await StartupJob.RunAsync(system, Console.Out, loggers, logFile.Path, stop.Token);
    // Runs until Ctrl+C, or until the host gives up on a worker that keeps failing (as the Functions host stops then).
    var stoppedOnItsOwn = await Task.WhenAny(system.Host.Stopped, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => (string?)null, TaskScheduler.Default));
    if (await stoppedOnItsOwn is { } reason)
    {
        Console.Error.WriteLine($"Stopped: {reason}");
        return 1;
    }
    return 0;
}
catch (Exception ex) when (ex is FunctionAppException or DevServiceException)
{
    Console.Error.WriteLine($"Cannot start: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
