using System.Text.Json.Nodes;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestApp _app = new(azurite);
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await TestHandler.StartAsync();

    public async Task DisposeAsync() => await _handler.DisposeAsync();

    [Fact]
    public async Task MessageRunsTheFunctionWithItsTextAndMetadataAndIsDeletedOnSuccess()
    {
        _handler.Behaviour = _ => Results.Json(new JsonObject { ["Outputs"] = new JsonObject(), ["ReturnValue"] = "validated u1/2" });
        await using var host = await _app.StartHostAsync(_handler);
        var queue = _app.Queue(_app.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        var sent = await queue.SendMessageAsync("{\"uploadId\":\"u1\",\"chunk\":2}");

        var invocation = (await _handler.WaitForAsync("QueueWork", 1)).Single();

        // The host sends the message text as a JSON string, even when the text is JSON.
        Assert.Equal("{\"uploadId\":\"u1\",\"chunk\":2}", invocation.Data["work"]!.GetValue<string>());
        Assert.Equal(1, invocation.Metadata["DequeueCount"]!.GetValue<long>());
        Assert.Equal(sent.Value.MessageId, invocation.Metadata["Id"]!.GetValue<string>());
        Assert.Equal("u1", invocation.Metadata["uploadId"]!.GetValue<string>());
        Assert.NotNull(invocation.Metadata["InsertionTime"]);
        await Eventually.TrueAsync(async () => (await _app.PeekAllAsync(_app.WorkQueue)).Count == 0, TimeSpan.FromSeconds(10), "the message deleted");
        await Eventually.TrueAsync(async () => (await _app.PeekAllAsync(_app.OutQueue)).SequenceEqual(["validated u1/2"]), TimeSpan.FromSeconds(10), "$return written to the output queue");
    }

    [Fact]
    public async Task MessageThatKeepsFailingGoesToThePoisonQueueAfterFiveDequeues()
    {
        _handler.Behaviour = _ => Results.StatusCode(500);
        await using var host = await _app.StartHostAsync(_handler);
        var queue = _app.Queue(_app.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("chunk that fails");

        await Eventually.TrueAsync(async () => (await _app.PeekAllAsync(_app.WorkQueue + "-poison")).Count == 1, TimeSpan.FromSeconds(30), "the poison message");
        await Task.Delay(1000);

        Assert.Equal(["chunk that fails"], await _app.PeekAllAsync(_app.WorkQueue + "-poison"));
        Assert.Empty(await _app.PeekAllAsync(_app.WorkQueue));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], _handler.Of("QueueWork").Select(i => i.Metadata["DequeueCount"]!.GetValue<long>()));
    }

    [Fact]
    public async Task BatchOfMessagesRunsInParallel()
    {
        var running = 0;
        var peak = 0;
        _handler.Behaviour = _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(300);
            Interlocked.Decrement(ref running);
            return Results.Json(new JsonObject());
        };
        var queue = _app.Queue(_app.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        for (var i = 0; i < 12; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }
        await using var host = await _app.StartHostAsync(_handler);

        await _handler.WaitForAsync("QueueWork", 12);

        Assert.True(peak > 1, $"messages of one batch ran one at a time (peak {peak})");
        Assert.Equal(12, _handler.Of("QueueWork").Select(i => i.Data["work"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task DisabledFunctionDoesNotRun()
    {
        _app.ExtraSettings["AzureWebJobs.QueueWork.Disabled"] = "true";
        await using var host = await _app.StartHostAsync(_handler);
        var queue = _app.Queue(_app.WorkQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("waits");

        await Task.Delay(3000);

        Assert.Empty(_handler.Of("QueueWork"));
        Assert.Equal(["waits"], await _app.PeekAllAsync(_app.WorkQueue));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
