using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Logging;

/// <summary>
/// The start command's log file: one file per start, <c>start-{yyyyMMdd-HHmmss}.log</c> in a folder of its own, each
/// entry as the console's simple format writes it, with the date and milliseconds (a message of several lines keeps
/// them; an exception follows on the next lines). Each line is flushed as it is written, so the file can be read while the command runs. Making a
/// new file deletes all but the newest <see cref="FilesKept"/> in the folder, so the folder does not grow across starts.
/// </summary>
[ProviderAlias("File")]
public sealed class FileLoggerProvider : ILoggerProvider
{
    /// <summary>How many log files (this start's included) a folder keeps.</summary>
    public const int FilesKept = 10;

    private const string Prefix = "start-";
    private const string Extension = ".log";

    private readonly StreamWriter _writer;
    private readonly object _gate = new();
    private bool _disposed;

    private FileLoggerProvider(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    /// <summary>The full path of this start's file.</summary>
    public string Path { get; }

    /// <summary>Creates the folder when missing and this start's file in it (named for <paramref name="now"/>), then deletes older files.</summary>
    public static FileLoggerProvider Create(string folder, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        var name = Prefix + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            // Two starts within the same second (tests run the command in parallel) get a file each.
            var path = System.IO.Path.Combine(folder, name + (attempt == 1 ? "" : $"-{attempt}") + Extension);
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
            }
            catch (IOException) when (File.Exists(path) && attempt < 100)
            {
                continue;
            }
            var provider = new FileLoggerProvider(path, new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
            DeleteOlderFiles(folder, path);
            return provider;
        }
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _writer.Dispose();
        }
    }

    private void Write(string entry)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _writer.Write(entry);
            }
        }
    }

    private static void DeleteOlderFiles(string folder, string current)
    {
        var older = new DirectoryInfo(folder).EnumerateFiles(Prefix + "*" + Extension)
            .Where(file => file.FullName != current)
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .ThenByDescending(file => file.Name, StringComparer.Ordinal)
            .Skip(FilesKept - 1);
        foreach (var file in older)
        {
            try
            {
                file.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still open elsewhere (Windows) or not ours to delete: the next start tries again.
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var entry = new StringBuilder()
                .Append(DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append(' ').Append(Level(logLevel)).Append(": ")
                .Append(category).Append('[').Append(eventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
                .Append(formatter(state, exception))
                .AppendLine();
            if (exception is not null)
            {
                entry.Append(exception).AppendLine();
            }
            provider.Write(entry.ToString());
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
