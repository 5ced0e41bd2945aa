using System.Net;
using System.Text.Json.Nodes;
using Jamsostek.LocalHost.Tests.Infrastructure;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite) : LocalHostTest(azurite)
{
    [Fact]
    public async Task TimerFiresOnScheduleAndWritesItsStatusBlob()
    {
        App.TickSchedule = "*/2 * * * * *";
        await using var host = await StartHostAsync();

        var invocations = await Handler.WaitForAsync("Tick", 2, TimeSpan.FromSeconds(15));

        Assert.All(invocations, i => Assert.False(i.Data["timer"]!["IsPastDue"]!.GetValue<bool>()));
        var occurrences = invocations.Select(Occurrence).ToList();
        Assert.All(occurrences, o => Assert.Equal(0, o.Second % 2));
        Assert.Equal(TimeSpan.FromSeconds(2), occurrences[1] - occurrences[0]);
        var status = await StatusAsync();
        Assert.True(status.Next > status.Last, "Next comes after Last");
        Assert.True(status.Last >= occurrences[0], "Last records a run");
    }

    [Fact]
    public async Task TwoHostsOnOneStorageAccountRunEachOccurrenceOnce()
    {
        App.TickSchedule = "* * * * * *";
        await using var first = await StartHostAsync();
        await using var second = await StartHostAsync();

        await Task.Delay(TimeSpan.FromSeconds(6));

        var occurrences = Handler.Of("Tick").Select(Occurrence).ToList();
        Assert.True(occurrences.Count >= 3, $"the timer ran {occurrences.Count} times in 6 s");
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
    }

    [Fact]
    public async Task OccurrenceMissedWhileTheHostWasDownRunsOnceWithIsPastDue()
    {
        App.TickSchedule = "*/5 * * * * *";
        await using (var before = await StartHostAsync())
        {
            await Eventually.TrueAsync(async () => await App.Blobs.GetBlobContainerClient("azure-webjobs-hosts")
                .GetBlobClient($"timers/{App.HostId}/Host.Functions.Tick/status").ExistsAsync(), TimeSpan.FromSeconds(10), "the status blob");
        }
        var missed = (await StatusAsync()).Next;
        await Task.Delay(missed - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        await using var after = await StartHostAsync();
        var invocations = await Handler.WaitForAsync("Tick", 1);

        var pastDue = invocations[0];
        Assert.True(pastDue.Data["timer"]!["IsPastDue"]!.GetValue<bool>());
        Assert.Equal(missed, Occurrence(pastDue));
        await Handler.WaitForAsync("Tick", 2, TimeSpan.FromSeconds(10));
        Assert.Single(Handler.Of("Tick"), i => i.Data["timer"]!["IsPastDue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AdminInvocationRunsATimerFunctionNowWithTheMasterKeyOnly()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var anonymous = await http.PostAsync("admin/functions/Tick", JsonContent("{}"));
        using var functionKey = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "admin/functions/Tick")
        {
            Content = JsonContent("{}"),
            Headers = { { "x-functions-key", TestApp.FunctionKey } },
        });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, functionKey.StatusCode);
        Assert.Empty(Handler.Of("Tick"));

        using var master = await http.PostAsync($"admin/functions/Tick?code={TestApp.MasterKey}", JsonContent("{}"));
        using var unknown = await http.PostAsync($"admin/functions/NoSuchFunction?code={TestApp.MasterKey}", JsonContent("{}"));

        Assert.Equal(HttpStatusCode.Accepted, master.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var invocation = (await Handler.WaitForAsync("Tick", 1)).Single();
        Assert.False(invocation.Data["timer"]!["IsPastDue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AdminInvocationRunsAQueueFunctionWithTheGivenInput()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync($"admin/functions/QueueWork?code={TestApp.MasterKey}", JsonContent("{\"input\":\"reprocess u7\"}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var invocation = (await Handler.WaitForAsync("QueueWork", 1)).Single();
        Assert.Equal("reprocess u7", invocation.Data["work"]!.GetValue<string>());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static DateTimeOffset Occurrence(Invocation invocation) =>
        DateTimeOffset.Parse(invocation.Data["timer"]!["ScheduleStatus"]!["Next"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(DateTimeOffset Last, DateTimeOffset Next)> StatusAsync()
    {
        var blob = App.Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient($"timers/{App.HostId}/Host.Functions.Tick/status");
        var json = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        return (json["Last"]!.GetValue<DateTimeOffset>(), json["Next"]!.GetValue<DateTimeOffset>());
    }
}
