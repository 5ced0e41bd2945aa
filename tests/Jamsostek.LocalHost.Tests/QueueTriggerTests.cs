using System.Text.Json.Nodes;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite) : LocalHostTest(azurite)
{
    [Fact]
    public async Task MessageRunsTheFunctionWithItsTextAndMetadataAndIsDeletedOnSuccess()
    {
        Handler.Behaviour = _ => Results.Json(new JsonObject { ["Outputs"] = new JsonObject(), ["ReturnValue"] = "validated u1/2" });
        await using var host = await StartHostAsync();
        var queue = App.Queue(App.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync("{\"uploadId\":\"u1\",\"chunk\":2}");

        var invocation = (await Handler.WaitForAsync("QueueWork", 1)).Single();

        // The host sends the message text as a JSON string, even when the text is JSON.
        Assert.Equal("{\"uploadId\":\"u1\",\"chunk\":2}", invocation.Data["work"]!.GetValue<string>());
        Assert.Equal(1, invocation.Metadata["DequeueCount"]!.GetValue<long>());
        Assert.Equal(sent.Value.MessageId, invocation.Metadata["Id"]!.GetValue<string>());
        Assert.Equal("u1", invocation.Metadata["uploadId"]!.GetValue<string>());
        Assert.NotNull(invocation.Metadata["InsertionTime"]);
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.WorkQueue)).Count == 0, TimeSpan.FromSeconds(10), "the message deleted");
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).SequenceEqual(["validated u1/2"]), TimeSpan.FromSeconds(10), "$return written to the output queue");
    }

    [Fact]
    public async Task MessageThatKeepsFailingGoesToThePoisonQueueAfterFiveDequeues()
    {
        Handler.Behaviour = _ => Results.StatusCode(500);
        await using var host = await StartHostAsync();
        var queue = App.Queue(App.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("chunk that fails");

        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.WorkQueue + "-poison")).Count == 1, TimeSpan.FromSeconds(30), "the poison message");
        await Task.Delay(1000);

        Assert.Equal(["chunk that fails"], await App.PeekAllAsync(App.WorkQueue + "-poison"));
        Assert.Empty(await App.PeekAllAsync(App.WorkQueue));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], Handler.Of("QueueWork").Select(i => i.Metadata["DequeueCount"]!.GetValue<long>()));
    }

    [Fact]
    public async Task BatchOfMessagesRunsInParallel()
    {
        var running = 0;
        var peak = 0;
        Handler.Behaviour = _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(300);
            Interlocked.Decrement(ref running);
            return Results.Json(new JsonObject());
        };
        var queue = App.Queue(App.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        for (var i = 0; i < 12; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }
        await using var host = await StartHostAsync();

        await Handler.WaitForAsync("QueueWork", 12);

        Assert.True(peak > 1, $"messages of one batch ran one at a time (peak {peak})");
        Assert.Equal(12, Handler.Of("QueueWork").Select(i => i.Data["work"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task DisabledFunctionDoesNotRun()
    {
        App.ExtraSettings["AzureWebJobs.QueueWork.Disabled"] = "true";
        await using var host = await StartHostAsync();
        var queue = App.Queue(App.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("waits");

        await Task.Delay(3000);

        Assert.Empty(Handler.Of("QueueWork"));
        Assert.Equal(["waits"], await App.PeekAllAsync(App.WorkQueue));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
