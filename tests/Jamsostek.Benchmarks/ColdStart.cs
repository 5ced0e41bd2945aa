using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The handler's cold start: the app published self-contained for linux-x64 (as README publishes it: Native AOT; a ReadyToRun composite image or plain ReadyToRun when asked),
/// started as the Functions host starts it (FUNCTIONS_CUSTOMHANDLER_PORT and the app settings in the environment),
/// timed from process start to the first answered invocation (GET /api/health, an HTTP-trigger function).
/// </summary>
public static class ColdStart
{
    public sealed record Figures(string PublishMode, double MedianMs, IReadOnlyList<double> RunsMs, long ExecutableBytes);

    /// <summary>Starts the published handler in <paramref name="output"/> <paramref name="runs"/> times.</summary>
    public static async Task<Figures> MeasureAsync(string output, string connectionString, string publishMode, int runs)
    {
        var executable = Path.Combine(output, "Jamsostek.Functions");
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await StartOnceAsync(executable, output, connectionString));
        }
        var sorted = times.Order().ToList();
        return new Figures(publishMode, Median(sorted), times, new FileInfo(executable).Length);
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Publishes the app as README's Deploy section does ("aot"), or as ReadyToRun ("composite", "r2r"); returns the folder.</summary>
    public static async Task<string> PublishAsync(string publishMode)
    {
        var project = typeof(ColdStart).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JamsostekFunctionsProject").Value!;
        var output = Path.Combine(Path.GetTempPath(), $"jamsostek-bench-publish-{publishMode}");
        // "aot" is README's publish command unchanged (what Azure runs); the others for comparison.
        string[] mode = publishMode switch
        {
            "composite" => ["-p:PublishAot=false"],
            "r2r" => ["-p:PublishAot=false", "-p:PublishReadyToRunComposite=false"],
            _ => [],
        };
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", .. mode, "-o", output, "-nologo", "-v", "q"])
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

    private static async Task<double> StartOnceAsync(string executable, string workingDirectory, string connectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var response = await client.GetAsync("api/health");
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"The published handler answered GET /api/health with {(int)response.StatusCode}.");
                    }
                    return clock.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException ex) when (ex.InnerException is SocketException)
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"The published handler exited with {process.ExitCode} before answering.");
                    }
                    await Task.Delay(2);
                }
            }
            throw new TimeoutException("The published handler did not answer within 30 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
