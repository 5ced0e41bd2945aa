using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Jamsostek.LocalHost.DevServices;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed partial class LocalHostCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CommandServesTheAppAndSigintLeavesNoProcessBehind()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "Jamsostek.LocalHost");
        var startInfo = new ProcessStartInfo(executable, ["--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        using var process = Process.Start(startInfo)!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource<Uri>();
        // Both streams are drained: a full stderr pipe would block the command's writes and so its exit.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(e.Data);
            }
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = baseAddress };
            using var health = await http.GetAsync("api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var handlerPort = int.Parse(HandlerPortLine().Match(string.Join('\n', lines)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            // The host lets invocations in flight finish for up to 30 s (the blobs other tests left in this Azurite are
            // all new to its receipts), then gives the handler 10 s: past that, it hangs.
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                lock (lines)
                {
                    Assert.Fail($"The command did not stop within 60 s of SIGINT. Its last lines:\n{string.Join('\n', lines.TakeLast(30))}");
                }
            }

            Assert.Equal(0, process.ExitCode);
            Assert.False(await IsListeningAsync(handlerPort), "the handler still listens after the host stopped");
            Assert.False(await IsListeningAsync(baseAddress.Port), "the host still listens after SIGINT");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task PortTakenBySomethingElseIsNamedInTheError()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var options = DevServices.DevServices.OnFreePorts(RepositoryPaths.Root, startMailDev: false);

        var error = await Assert.ThrowsAsync<DevServiceException>(() => DevServices.DevServices.StartAsync(
            new DevServicesOptions { RepositoryRoot = options.RepositoryRoot, BlobPort = port, QueuePort = options.QueuePort, TablePort = options.TablePort, StartMailDev = false },
            NullLogger.Instance));

        Assert.Contains($"Port {port} is in use by another program", error.Message);
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Custom handler answering on port (\d+)")]
    private static partial Regex HandlerPortLine();
}
