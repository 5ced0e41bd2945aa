using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    private string StatusBlobName => $"timers/{App.HostId}/Host.Functions.Tick/status";

    [Fact]
    public async Task ScheduleMoreFrequentThanAMinuteFiresOnItsOccurrencesWithoutScheduleStatusOrStatusBlob()
    {
        App.TickSchedule = "*/2 * * * * *";
        await using var host = await StartHostAsync();

        var runs = await Recordings.WaitForAsync("Tick", 3, TimeSpan.FromSeconds(20));

        Assert.All(runs, r => Assert.False(r.Flag("isPastDue")));
        Assert.All(runs, r => Assert.False(r.Flag("hasStatus")));
        Assert.All(runs, r => Assert.False(string.IsNullOrEmpty(r.BindingData["TimerTrigger"])));
        // The first run may meet a cold worker; the later ones start within a second of their occurrence.
        var seconds = runs.Skip(1).Select(r => Second(r.Time("at")!.Value)).ToList();
        Assert.All(seconds, s => Assert.Equal(0, s.Second % 2));
        Assert.Equal(TimeSpan.FromSeconds(2), seconds[1] - seconds[0]);
        // The monitor is off for such schedules, as in the Functions host: no status is kept.
        Assert.False(await App.HostBlob(StatusBlobName).ExistsAsync());
    }

    [Fact]
    public async Task TwoHostsOnOneStorageAccountRunEachOccurrenceOnce()
    {
        App.TickSchedule = "* * * * * *";
        await using var first = await StartHostAsync();
        await using var second = await StartHostAsync();

        var runs = await Recordings.WaitForAsync("Tick", 6, TimeSpan.FromSeconds(20));

        // One host holds the timer's lock; the other keeps trying to take it, and would run the same seconds if it got in.
        var seconds = runs.Select(r => Second(r.Time("at")!.Value)).ToList();
        Assert.Equal(seconds.Count, seconds.Distinct().Count());
    }

    [Fact]
    public async Task ScheduleOfAMinuteKeepsAStatusBlobWithItsNextOccurrence()
    {
        App.TickSchedule = "0 * * * * *";
        var before = DateTimeOffset.UtcNow;
        await using var host = await StartHostAsync();

        await Eventually.TrueAsync(async () => await App.HostBlob(StatusBlobName).ExistsAsync(), TimeSpan.FromSeconds(10), "the status blob");

        var status = await StatusAsync();
        Assert.Equal(default, status.Last);
        Assert.True(status.Next > before, "Next lies ahead");
        Assert.Equal(0, status.Next.Second);
        Assert.True(status.Next - before <= TimeSpan.FromMinutes(1), "Next is the next minute");
    }

    [Fact]
    public async Task OccurrenceMissedWhileTheHostWasDownRunsOnceWithIsPastDue()
    {
        App.TickSchedule = "0 * * * * *";
        if (DateTimeOffset.UtcNow.Second >= 50)
        {
            // Away from a minute's turn: no regular occurrence runs before the status after the missed one is read.
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        }
        var now = DateTimeOffset.UtcNow;
        var missed = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-2);
        var last = missed.AddMinutes(-1);
        await App.Blobs.GetBlobContainerClient("azure-webjobs-hosts").CreateIfNotExistsAsync();
        await App.HostBlob(StatusBlobName).UploadAsync(BinaryData.FromString(
            $"{{\"Last\":\"{last:O}\",\"Next\":\"{missed:O}\",\"LastUpdated\":\"{last:O}\"}}"));

        await using var host = await StartHostAsync();
        var pastDue = (await Recordings.WaitForAsync("Tick", 1)).First();

        Assert.True(pastDue.Flag("isPastDue"));
        Assert.True(pastDue.Flag("hasStatus"));
        Assert.Equal(missed, pastDue.Time("next"));
        Assert.Equal(last, pastDue.Time("last"));
        // The status moves on past the missed occurrence: it is not run again.
        await Eventually.TrueAsync(async () => (await StatusAsync()).Last == missed, TimeSpan.FromSeconds(10), "the status updated after the run");
        var status = await StatusAsync();
        Assert.True(status.Next > pastDue.Time("at"), "Next lies after the run");
        Assert.Equal(0, status.Next.Second);
        Assert.Single(Recordings.Of("Tick"), r => r.Flag("isPastDue"));
    }

    [Fact]
    public async Task AdminInvocationRunsATimerFunctionNowWithTheMasterKeyOnly()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var anonymous = await http.PostAsync("admin/functions/Tick", JsonContent("{}"));
        using var functionKey = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "admin/functions/Tick")
        {
            Content = JsonContent("{}"),
            Headers = { { "x-functions-key", TestWorkerApp.FunctionKey } },
        });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);

        using var master = await http.PostAsync($"admin/functions/Tick?code={TestWorkerApp.MasterKey}", JsonContent("{}"));
        using var unknown = await http.PostAsync($"admin/functions/NoSuchFunction?code={TestWorkerApp.MasterKey}", JsonContent("{}"));

        Assert.Equal(HttpStatusCode.Accepted, master.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var invocation = (await Recordings.WaitForAsync("Tick", 1)).Single();
        Assert.False(invocation.Flag("isPastDue"));
    }

    [Fact]
    public async Task AdminInvocationRunsAQueueFunctionWithTheGivenInput()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var response = await http.PostAsync($"admin/functions/QueueWork?code={TestWorkerApp.MasterKey}", JsonContent("{\"input\":\"reprocess u7\"}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invocation = (await Recordings.WaitForAsync("QueueWork", 1)).Single();
        Assert.Equal("reprocess u7", invocation.Text("work"));
        Assert.Equal("0", invocation.BindingData["DequeueCount"]);
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).SequenceEqual(["done reprocess u7"]), TimeSpan.FromSeconds(10),
            "the return value written to the output queue");
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static DateTimeOffset Second(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);

    private async Task<(DateTimeOffset Last, DateTimeOffset Next)> StatusAsync()
    {
        var json = JsonNode.Parse((await App.HostBlob(StatusBlobName).DownloadContentAsync()).Value.Content.ToString())!;
        return (json["Last"]!.GetValue<DateTimeOffset>(), json["Next"]!.GetValue<DateTimeOffset>());
    }
}
