using Jamsostek.TestSupport;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Tests.Infrastructure;

namespace Jamsostek.FunctionsHost.Tests;

/// <summary>The handshake and worker indexing: the functions come from the worker, with the host's settings applied.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndexingTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    [Fact]
    public async Task WorkerIndexingListsEveryFunctionWithItsTriggerRouteAuthLevelAndExpandedSettings()
    {
        App.TickSchedule = "0 0 7 * * 1";
        await using var host = await StartHostAsync();
        var functions = host.App.Functions.ToDictionary(f => f.Name);

        Assert.Empty(host.App.Errors);
        Assert.Equal(
            ["BlobFails", "BlobStream", "BlobWatch", "Download", "Hello", "Open", "Ops", "Order", "QueueMessageWork", "QueueWork", "Tick", "Upload"],
            functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(host.App.Functions, f => Assert.False(string.IsNullOrWhiteSpace(f.FunctionId)));
        Assert.Equal(functions.Count, functions.Values.Select(f => f.FunctionId).Distinct().Count());

        var watch = Assert.IsType<BlobTriggerBinding>(functions["BlobWatch"].Trigger);
        Assert.Equal($"{App.BlobContainer}/{{region}}/{{name}}", watch.Path);
        Assert.Equal(BlobTriggerSource.LogsAndContainerScan, watch.Source);
        Assert.Equal(TriggerValueKind.ModelBindingData, watch.ValueKind);
        Assert.Equal(App.OutQueue, Assert.Single(functions["BlobWatch"].QueueOutputs).QueueName);
        Assert.Equal($"{App.LargeContainer}/{{name}}", Assert.IsType<BlobTriggerBinding>(functions["BlobStream"].Trigger).Path);
        var fails = Assert.IsType<BlobTriggerBinding>(functions["BlobFails"].Trigger);
        Assert.Equal($"{App.FailContainer}/{{name}}", fails.Path);
        Assert.Equal(BlobTriggerSource.EventGrid, fails.Source);

        var work = Assert.IsType<QueueTriggerBinding>(functions["QueueWork"].Trigger);
        Assert.Equal(App.WorkQueue, work.QueueName);
        Assert.Equal(TriggerValueKind.Text, work.ValueKind);
        var workOutput = Assert.Single(functions["QueueWork"].QueueOutputs);
        Assert.Equal(("$return", App.OutQueue), (workOutput.Name, workOutput.QueueName));
        var message = Assert.IsType<QueueTriggerBinding>(functions["QueueMessageWork"].Trigger);
        Assert.Equal(App.MessageQueue, message.QueueName);
        Assert.Equal(TriggerValueKind.ModelBindingData, message.ValueKind);

        Assert.Equal("0 0 7 * * 1", Assert.IsType<TimerTriggerBinding>(functions["Tick"].Trigger).Schedule);

        AssertHttp(functions["Hello"], "hello/{id}", AuthLevel.Function, "GET");
        AssertHttp(functions["Ops"], "ops", AuthLevel.Admin, "GET");
        AssertHttp(functions["Open"], "open", AuthLevel.Anonymous);
        AssertHttp(functions["Order"], "orders/{region}", AuthLevel.Anonymous, "POST");
        AssertHttp(functions["Upload"], "upload", AuthLevel.Anonymous, "POST");
        AssertHttp(functions["Download"], "download/{megabytes:int}", AuthLevel.Anonymous, "GET");
        Assert.Equal(App.OutQueue, Assert.Single(functions["Order"].QueueOutputs).QueueName);

        // The worker serves HTTP itself (ASP.NET Core integration), so HTTP triggers are proxied to it.
        Assert.NotNull(host.Worker.Channel?.HttpUri);
        Assert.NotNull(host.Worker.ProcessId);
        Assert.Empty(host.Worker.LoadFailures);
    }

    [Fact]
    public async Task FunctionNamingAnUndefinedSettingIsInErrorWhileTheOthersRun()
    {
        App.TickSchedule = null;
        await using var host = await StartHostAsync();

        var error = Assert.Single(host.App.Errors);
        Assert.Contains("Tick", error);
        Assert.Contains("TickSchedule", error);
        Assert.DoesNotContain(host.App.Functions, f => f.Name == "Tick");
        Assert.Equal(11, host.App.Functions.Count);

        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        await queue.SendMessageAsync("still runs");
        var invocation = (await Recordings.WaitForAsync("QueueWork", 1)).Single();
        Assert.Equal("still runs", invocation.Text("work"));
    }

    private static void AssertHttp(FunctionDefinition function, string route, AuthLevel authLevel, params string[] methods)
    {
        var http = Assert.IsType<HttpTriggerBinding>(function.Trigger);
        Assert.Equal(route, http.Route);
        Assert.Equal(authLevel, http.AuthLevel);
        Assert.Equal(methods, http.Methods);
    }
}
