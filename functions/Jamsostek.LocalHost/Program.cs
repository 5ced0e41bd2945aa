using System.Runtime.InteropServices;
using Jamsostek.LocalHost;
using Jamsostek.FunctionsHost;
using Jamsostek.FunctionsHost.App;
using Jamsostek.LocalHost.DevServices;
using Microsoft.Extensions.Logging;

// dotnet run --project functions/Jamsostek.LocalHost [-- --script-root <app folder>] [--port <n>]
var scriptRoot = RepositoryPaths.FunctionAppOutput;
int? port = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--script-root" when i + 1 < args.Length:
            scriptRoot = Path.GetFullPath(args[++i]);
            break;
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var value):
            port = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--script-root <folder with host.json>] [--port <n>]");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
// Said at once, also when Ctrl+C comes while the samples are still being uploaded.
using var stopping = stop.Token.Register(() => Console.WriteLine("Stopping: the app, the local host and the dev services it started."));
using var loggers = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
    .AddFilter("Microsoft", LogLevel.Warning)
    .AddFilter("System", LogLevel.Warning)
    .AddFilter("Grpc", LogLevel.Warning)
    .AddFilter("Yarp", LogLevel.Warning));

try
{
    await using var system = await LocalSystem.StartAsync(scriptRoot, port, loggers, stop.Token);
    using var stopSystem = stop.Token.Register(() => _ = system.Host.BeginStoppingAsync());
    await StartupJob.RunAsync(system, Console.Out, loggers, stop.Token);
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
