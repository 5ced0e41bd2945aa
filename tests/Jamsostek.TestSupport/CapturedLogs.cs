using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jamsostek.TestSupport;

/// <summary>Every line a local host logs (its own and, as the worker sends them, the app's), for waiting on outcomes and checking what logs hold.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue(formatter(state, exception));
    }
}
