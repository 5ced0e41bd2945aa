using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>The host's log (and the worker's output, which the host logs) in the test's output, shown when a test fails.</summary>
public static class TestLogging
{
    public static ILoggerFactory For(ITestOutputHelper output) => LoggerFactory.Create(logging => logging
        .AddProvider(new OutputLoggerProvider(output))
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("System", LogLevel.Warning)
        .AddFilter("Grpc", LogLevel.Warning)
        .AddFilter("Yarp", LogLevel.Warning));

    private sealed class OutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class OutputLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended; a host still stopping has nobody to tell.
            }
        }
    }
}
