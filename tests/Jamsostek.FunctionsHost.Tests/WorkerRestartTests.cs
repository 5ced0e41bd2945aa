using System.Net;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

/// <summary>The worker dies (killed mid-invocation or from outside): the host starts it again, and what was running runs again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkerRestartTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    private static readonly TimeSpan QuickRestart = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task MessageWhoseInvocationKillsTheWorkerIsDeliveredAgainToTheRestartedWorkerAndCompletes()
    {
        // The Functions host's own restart policy: at least 10 s between two starts of the worker.
        await using var host = await StartHostAsync();
        var firstWorker = host.Worker.ProcessId;
        var work = $"crash-once:{Path.Combine(App.Scratch, "queue-crash.marker")}";
        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        await queue.SendMessageAsync(work);

        var runs = await Recordings.WaitForAsync("QueueWork", 2, TimeSpan.FromSeconds(60));

        Assert.Equal(firstWorker, runs[0].ProcessId);
        Assert.Equal("1", runs[0].BindingData["DequeueCount"]);
        Assert.NotEqual(firstWorker, runs[1].ProcessId);
        Assert.Equal(host.Worker.ProcessId, runs[1].ProcessId);
        Assert.Equal("2", runs[1].BindingData["DequeueCount"]);
        Assert.Equal(runs[0].BindingData["Id"], runs[1].BindingData["Id"]);
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).SequenceEqual([$"done {work}"]), TimeSpan.FromSeconds(10),
            "the second run's return value on the output queue");
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.WorkQueue) == 0, TimeSpan.FromSeconds(10), "the message deleted");
    }

    [Fact]
    public async Task BlobWhoseInvocationKillsTheWorkerRunsAgainOnTheRestartedWorkerAndItsReceiptCompletes()
    {
        App.WorkerRestart = new() { RestartInterval = QuickRestart };
        await using var host = await StartHostAsync();
        var firstWorker = host.Worker.ProcessId;
        var blob = await App.UploadAsync(App.BlobContainer, "5204/crash.csv", $"crash-once:{Path.Combine(App.Scratch, "blob-crash.marker")}");

        var runs = await Recordings.WaitForAsync("BlobWatch", 2, TimeSpan.FromSeconds(60));

        Assert.Equal(firstWorker, runs[0].ProcessId);
        Assert.NotEqual(firstWorker, runs[1].ProcessId);
        Assert.All(runs, r => Assert.Equal("5204/crash.csv", r.Text("blob")));
        await Eventually.TrueAsync(async () => await App.ReceiptCompleteAsync("BlobWatch", blob) == true, TimeSpan.FromSeconds(10), "the receipt marked complete");
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).Count == 2, TimeSpan.FromSeconds(10), "the second run's outputs");
        Assert.Equal(["5204/crash.csv", "second crash.csv"], await App.PeekAllAsync(App.OutQueue));
    }

    [Fact]
    public async Task WorkerKilledWhileIdleIsStartedAgainAndHttpAnswersFromTheNewProcess()
    {
        App.WorkerRestart = new() { RestartInterval = QuickRestart };
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);
        using var before = await http.GetAsync($"api/hello/1?code={TestWorkerApp.FunctionKey}");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var firstWorker = host.Worker.ProcessId;

        host.Worker.Crash();
        await Eventually.TrueAsync(() => host.Worker.ProcessId != firstWorker, TimeSpan.FromSeconds(30), "a new worker process");
        using var after = await http.GetAsync($"api/hello/2?code={TestWorkerApp.FunctionKey}");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("hello 2", (await after.Content.ReadAsStringAsync()).Split('?')[0]);
        var runs = await Recordings.WaitForAsync("Hello", 2);
        Assert.Equal(firstWorker, runs[0].ProcessId);
        Assert.NotEqual(firstWorker, runs[1].ProcessId);
        Assert.Equal(host.Worker.ProcessId, runs[1].ProcessId);
        Assert.False(host.Stopped.IsCompleted);
    }

    [Fact]
    public async Task WorkerThatKeepsDyingMakesTheHostStopWithAReason()
    {
        App.WorkerRestart = new() { MaxFailures = 2, RestartInterval = QuickRestart };
        var host = await StartHostAsync();
        try
        {
            var firstWorker = host.Worker.ProcessId;
            host.Worker.Crash();
            await Eventually.TrueAsync(() => host.Worker.ProcessId != firstWorker && host.Worker.Channel is { IsClosed: false } && host.Worker.ProcessId is not null,
                TimeSpan.FromSeconds(30), "a new worker connected");
            Assert.False(host.Stopped.IsCompleted, "one failure is restarted");
            using (var http = TestWorkerApp.Client(host))
            using (var answered = await http.GetAsync("api/open"))
            {
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            }

            host.Worker.Crash();
            var reason = await host.Stopped.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.NotNull(reason);
            Assert.Contains("failed 2 times", reason);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
