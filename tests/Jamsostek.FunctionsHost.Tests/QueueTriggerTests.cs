using System.Globalization;
using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    [Fact]
    public async Task MessageRunsTheFunctionWithItsTextAndMetadataAndIsDeletedOnSuccess()
    {
        const string text = "{\"uploadId\":\"u1\",\"chunk\":2,\"final\":true,\"rows\":[1,2]}";
        await using var host = await StartHostAsync();
        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        var sent = (await queue.SendMessageAsync(text)).Value;

        var invocation = (await Recordings.WaitForAsync("QueueWork", 1)).Single();

        Assert.Equal(text, invocation.Text("work"));
        var metadata = invocation.BindingData;
        Assert.Equal(text, metadata["QueueTrigger"]);
        Assert.Equal("1", metadata["DequeueCount"]);
        Assert.Equal(sent.MessageId, metadata["Id"]);
        Assert.False(string.IsNullOrEmpty(metadata["PopReceipt"]));
        // Dates travel as JSON: quoted ISO 8601 with the offset.
        Assert.Equal(sent.InsertionTime, QuotedDate(metadata["InsertionTime"]));
        Assert.Equal(sent.ExpirationTime, QuotedDate(metadata["ExpirationTime"]));
        Assert.True(QuotedDate(metadata["NextVisibleTime"]) > sent.InsertionTime, "NextVisibleTime lies after the insertion");
        // A JSON message's top-level properties, as strings the way the host's JSON reader writes them; arrays are left out.
        Assert.Equal("u1", metadata["uploadId"]);
        Assert.Equal("2", metadata["chunk"]);
        Assert.Equal("True", metadata["final"]);
        Assert.DoesNotContain("rows", metadata.Keys);
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.WorkQueue) == 0, TimeSpan.FromSeconds(10), "the message deleted");
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).SequenceEqual([$"done {text}"]), TimeSpan.FromSeconds(10),
            "the return value written to the output queue");
    }

    [Fact]
    public async Task MessageBoundToTheSdksQueueMessageGetsItsIdDequeueCountAndText()
    {
        await using var host = await StartHostAsync();
        var queue = await App.CreatedQueueAsync(App.MessageQueue);
        var sent = (await queue.SendMessageAsync("claim check 42")).Value;

        var invocation = (await Recordings.WaitForAsync("QueueMessageWork", 1)).Single();

        Assert.Equal(sent.MessageId, invocation.Text("messageId"));
        Assert.Equal("claim check 42", invocation.Text("messageText"));
        Assert.Equal("1", invocation.Text("dequeueCount"));
        Assert.Equal(sent.InsertionTime, invocation.Time("insertedOn"));
        // A message bound as the SDK type gets no JSON properties, but the queue's own metadata.
        Assert.Equal(sent.MessageId, invocation.BindingData["Id"]);
        Assert.Equal("1", invocation.BindingData["DequeueCount"]);
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.MessageQueue) == 0, TimeSpan.FromSeconds(10), "the message deleted");
    }

    [Fact]
    public async Task MessageThatKeepsFailingGoesToThePoisonQueueAfterFiveDequeues()
    {
        await using var host = await StartHostAsync();
        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        await queue.SendMessageAsync("fail this chunk");

        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.WorkQueue + "-poison")).Count == 1, TimeSpan.FromSeconds(30), "the poison message");
        // A later message runs: the listener polled on after the poison message, and delivered nothing more of it.
        await queue.SendMessageAsync("after");
        await Recordings.WaitForAsync("QueueWork", 1, where: r => r.Text("work") == "after");

        Assert.Equal(["fail this chunk"], await App.PeekAllAsync(App.WorkQueue + "-poison"));
        Assert.Equal(["1", "2", "3", "4", "5"],
            Recordings.Of("QueueWork").Where(r => r.Text("work") == "fail this chunk").Select(r => r.BindingData["DequeueCount"]));
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.WorkQueue) == 0, TimeSpan.FromSeconds(10), "the work queue empty");
    }

    [Fact]
    public async Task BatchOfMessagesRunsInParallel()
    {
        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        for (var i = 0; i < 12; i++)
        {
            await queue.SendMessageAsync("slow:400");
        }
        await using var host = await StartHostAsync();

        var runs = await Recordings.WaitForAsync("QueueWork", 12);

        var peak = runs.Max(run => runs.Count(other => other.Time("started") < run.Time("finished") && run.Time("started") < other.Time("finished")));
        Assert.True(peak > 1, $"messages of one batch ran one at a time (peak {peak})");
        Assert.Equal(12, runs.Select(r => r.BindingData["Id"]).Distinct().Count());
    }

    [Fact]
    public async Task DisabledFunctionDoesNotRun()
    {
        App.ExtraSettings["AzureWebJobs.QueueWork.Disabled"] = "true";
        var work = await App.CreatedQueueAsync(App.WorkQueue);
        var messages = await App.CreatedQueueAsync(App.MessageQueue);
        await work.SendMessageAsync("waits");
        await using var host = await StartHostAsync();

        // The other queue listener, polling on the same schedule, picks up two messages sent one after the other.
        await messages.SendMessageAsync("first");
        await Recordings.WaitForAsync("QueueMessageWork", 1);
        await messages.SendMessageAsync("second");
        await Recordings.WaitForAsync("QueueMessageWork", 2);
        // And the host says so itself: it polled the other queue since, and never the disabled function's.
        await host.Activity.QueuePollsAsync(App.MessageQueue, 2);

        Assert.Equal(0, host.Activity.QueuePolls(App.WorkQueue));
        Assert.Equal(0, host.Activity.Invocations("QueueWork"));
        Assert.Empty(Recordings.Of("QueueWork"));
        var waiting = (await work.PeekMessagesAsync(32)).Value;
        Assert.Equal("waits", Assert.Single(waiting).Body.ToString());
        Assert.Equal(0, waiting[0].DequeueCount);
    }

    private static DateTimeOffset QuotedDate(string? json)
    {
        Assert.StartsWith("\"", json);
        return DateTimeOffset.Parse(JsonNode.Parse(json!)!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
