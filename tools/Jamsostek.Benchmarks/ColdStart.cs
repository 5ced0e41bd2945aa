using System.Diagnostics;
using System.Net;
using System.Reflection;
using Jamsostek.FunctionsHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The worker's cold start: the app published as README publishes it (ReadyToRun for linux-x64; plain JIT when asked,
/// for comparison), its worker started by the local host as the Functions host starts it (worker.config.json, the
/// handshake, the function loads), timed from the worker process's start to the first answer through the host to
/// GET /api/health (an HTTP function reading storage).
/// </summary>
public static class ColdStart
{
    public sealed record Figures(string PublishMode, double MedianMs, IReadOnlyList<double> RunsMs, long PackageBytes);

    /// <summary>Starts a local host on the published app <paramref name="runs"/> times, each with a fresh worker.</summary>
    public static async Task<Figures> MeasureAsync(string output, string connectionString, string publishMode, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await StartOnceAsync(output, connectionString));
        }
        var sorted = times.Order().ToList();
        var bytes = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
        return new Figures(publishMode, Median(sorted), times, bytes);
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Publishes the app with README's command ("r2r": ReadyToRun, what Azure runs) or without ReadyToRun ("jit"); returns the folder.</summary>
    public static async Task<string> PublishAsync(string publishMode)
    {
        var project = typeof(ColdStart).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JamsostekFunctionsProject").Value!;
        var output = Path.Combine(Path.GetTempPath(), $"jamsostek-bench-publish-{publishMode}");
        string[] mode = publishMode == "jit" ? ["-p:PublishReadyToRun=false"] : [];
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", .. mode, "-o", output, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish ({publishMode}) failed:\n{await stdout}\n{await stderr}");
        }
        return output;
    }

    private static async Task<double> StartOnceAsync(string scriptRoot, string connectionString)
    {
        // The benchmark's own host id, so blob receipts and timer locks are shared and nothing runs twice; the
        // non-HTTP functions off, so the measured worker serves the one request and nothing else.
        await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = scriptRoot,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connectionString,
                ["AzureFunctionsWebHost__hostid"] = "benchmark",
                ["AzureWebJobs.IngestUpload.Disabled"] = "true",
                ["AzureWebJobs.ValidateChunk.Disabled"] = "true",
                ["AzureWebJobs.PublishDigest.Disabled"] = "true",
                ["DigestSchedule"] = "0 0 0 1 1 *",
            },
            ReadEnvironment = false,
            HttpPort = 0,
            LoggerFactory = NullLoggerFactory.Instance,
        });
        var started = Process.GetProcessById(host.Worker.ProcessId!.Value).StartTime.ToUniversalTime();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync("api/health");
        var answered = DateTime.UtcNow;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The published app answered GET /api/health with {(int)response.StatusCode}.");
        }
        return (answered - started).TotalMilliseconds;
    }
}
