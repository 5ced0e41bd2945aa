using Jamsostek.LocalHost.Logging;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Tests;

/// <summary>The start command's log files: one per start, what goes into them, and no more than the last few kept.</summary>
public sealed class FileLoggerProviderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jamsostek-logs-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void StartMakesItsOwnFileAndKeepsOnlyTheNewestFilesOfEarlierStarts()
    {
        Directory.CreateDirectory(_folder);
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var earlier = Enumerable.Range(0, 14).Select(i =>
        {
            var path = Path.Combine(_folder, $"start-202611{i + 1:00}-080000.log");
            File.WriteAllText(path, "earlier start\n");
            File.SetLastWriteTimeUtc(path, start.AddDays(i));
            return path;
        }).ToList();
        var other = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(other, "not a log file");

        using var provider = FileLoggerProvider.Create(_folder, new DateTimeOffset(2026, 12, 20, 9, 30, 5, TimeSpan.FromHours(7)));

        Assert.Equal(Path.Combine(_folder, "start-20261220-093005.log"), provider.Path);
        Assert.True(File.Exists(provider.Path));
        var kept = Directory.GetFiles(_folder, "start-*.log").Order(StringComparer.Ordinal);
        Assert.Equal([.. earlier.TakeLast(FileLoggerProvider.FilesKept - 1), provider.Path], kept);
        Assert.True(File.Exists(other), "a file that is not a start's log is left alone");
    }

    [Fact]
    public void TwoStartsInTheSameSecondWriteFilesOfTheirOwn()
    {
        var now = new DateTimeOffset(2026, 12, 20, 9, 30, 5, TimeSpan.Zero);

        using var first = FileLoggerProvider.Create(_folder, now);
        using var second = FileLoggerProvider.Create(_folder, now);

        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(Path.Combine(_folder, "start-20261220-093005-2.log"), second.Path);
    }

    [Fact]
    public void FileHoldsInformationAndUpReadableWhileTheCommandRunsAndNoFrameworkInformation()
    {
        using var provider = FileLoggerProvider.Create(_folder, DateTimeOffset.Now);
        using var loggers = StartLogging.Create(provider, verbose: false);

        loggers.CreateLogger("Jamsostek.FunctionsHost").LogInformation(new EventId(1), "Host {HostId} listening on {BaseAddress}", "local", "http://127.0.0.1:7071/");
        loggers.CreateLogger("Jamsostek.FunctionsHost").LogDebug("a debug line");
        loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").LogInformation("Request starting GET /api/uploads?code=secret");
        loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogWarning("a framework warning");
        loggers.CreateLogger("Function.IngestUpload.User").LogError(new InvalidOperationException("what went wrong"), "Upload {UploadId} failed", "5204-abc");

        // Read while the provider still has the file open, as a developer tails it.
        var lines = ReadWhileOpen(provider.Path).Split('\n');
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} info: Jamsostek\.FunctionsHost\[1\] Host local listening on http://127\.0\.0\.1:7071/$", lines[0]);
        Assert.EndsWith(" warn: Microsoft.AspNetCore.Server.Kestrel[0] a framework warning", lines[1]);
        Assert.EndsWith(" fail: Function.IngestUpload.User[0] Upload 5204-abc failed", lines[2]);
        Assert.StartsWith("System.InvalidOperationException: what went wrong", lines[3]);
        var text = string.Join('\n', lines);
        Assert.DoesNotContain("a debug line", text);
        Assert.DoesNotContain("code=secret", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConsoleShowsWarningsAndErrorsOnlyUnlessVerboseWhileTheFileHasEverything(bool verbose)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var provider = FileLoggerProvider.Create(_folder, DateTimeOffset.Now);
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            // The console logger takes Console.Out when it is made; disposing it writes out what it still holds.
            using var loggers = StartLogging.Create(provider, verbose);
            var logger = loggers.CreateLogger("Jamsostek.FunctionsHost");
            logger.LogInformation("information {Marker}", marker);
            logger.LogWarning("warning {Marker}", marker);
            loggers.CreateLogger("Function.IngestUpload.User").LogError("error {Marker}", marker);
        }
        finally
        {
            Console.SetOut(original);
        }

        var shown = console.ToString();
        Assert.Contains($"warn: Jamsostek.FunctionsHost[0] warning {marker}", shown);
        Assert.Contains($"fail: Function.IngestUpload.User[0] error {marker}", shown);
        Assert.Equal(verbose, shown.Contains($"information {marker}", StringComparison.Ordinal));
        var file = ReadWhileOpen(provider.Path);
        Assert.Contains($"information {marker}", file);
        Assert.Contains($"warning {marker}", file);
        Assert.Contains($"error {marker}", file);
    }

    private static string ReadWhileOpen(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }
}
