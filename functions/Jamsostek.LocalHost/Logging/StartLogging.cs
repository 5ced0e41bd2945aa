using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Jamsostek.LocalHost.Logging;

/// <summary>
/// Where the start command's logs go: everything from information up (the host's, the worker's and the app's, the dev
/// services') to the log file; to the console only warnings and errors, so that the summary stands out, or everything
/// with <c>--verbose</c>. Framework categories log from warnings up everywhere (their information lines would name
/// request URLs, keys in query strings among them).
/// </summary>
internal static class StartLogging
{
    public static ILoggerFactory Create(FileLoggerProvider file, bool verbose) => LoggerFactory.Create(logging =>
    {
        logging
            .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
            .AddProvider(file)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning)
            .AddFilter("Grpc", LogLevel.Warning)
            .AddFilter("Yarp", LogLevel.Warning);
        if (!verbose)
        {
            logging.AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        }
    });
}
