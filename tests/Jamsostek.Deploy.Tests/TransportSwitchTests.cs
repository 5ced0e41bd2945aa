using System.Diagnostics;
using System.Text.Json.Nodes;
using Jamsostek.Packaging;

namespace Jamsostek.Deploy.Tests;

/// <summary>
/// The publish-time transport switch on the app's own function.json files: the exact binding objects the Functions
/// host reads for each transport. (The published folders themselves are checked in Jamsostek.LocalHost.Tests'
/// PublishedAppTests, which runs the documented publish command for both.)
/// </summary>
public sealed class TransportSwitchTests : IDisposable
{
    private readonly string _app = FunctionApp.CopyOfSource();

    public void Dispose() => Directory.Delete(_app, recursive: true);

    [Fact]
    public void StorageQueueTransportKeepsTheDeclaredStorageQueueBindings()
    {
        var changed = TransportSwitch.Apply(_app, QueueTransport.StorageQueue);

        Assert.Empty(changed);
        AssertBinding(_app, "ValidateChunk", "chunk", """
            {"type":"queueTrigger","direction":"in","name":"chunk","queueName":"validation","connection":"AzureWebJobsStorage"}
            """);
        AssertBinding(_app, "IngestUpload", "chunks", """
            {"type":"queue","direction":"out","name":"chunks","queueName":"validation","connection":"AzureWebJobsStorage"}
            """);
        Assert.Null(FunctionApp.HostJson(_app)["extensions"]!["serviceBus"]);
    }

    [Fact]
    public void ServiceBusTransportDeclaresServiceBusBindingsOnTheValidationQueue()
    {
        var changed = TransportSwitch.Apply(_app, QueueTransport.ServiceBus);

        Assert.Equal(["IngestUpload", "ValidateChunk"], changed);
        AssertBinding(_app, "ValidateChunk", "chunk", """
            {"type":"serviceBusTrigger","direction":"in","name":"chunk","queueName":"validation","connection":"ServiceBusConnection"}
            """);
        AssertBinding(_app, "IngestUpload", "chunks", """
            {"type":"serviceBus","direction":"out","name":"chunks","queueName":"validation","connection":"ServiceBusConnection"}
            """);
    }

    [Fact]
    public void ServiceBusTransportLeavesEveryOtherBindingAsDeclared()
    {
        var before = FunctionApp.Bindings(_app);

        TransportSwitch.Apply(_app, QueueTransport.ServiceBus);

        var after = FunctionApp.Bindings(_app);
        Assert.Equal(before.Count, after.Count);
        foreach (var (old, now) in before.Zip(after))
        {
            Assert.Equal(old.Function, now.Function);
            if ((string?)old.Json["queueName"] != "validation")
            {
                Assert.True(JsonNode.DeepEquals(old.Json, now.Json), $"{old.Function}: {old.Json.ToJsonString()} became {now.Json.ToJsonString()}");
            }
        }
        Assert.DoesNotContain(after, binding => binding.IsType("queue") || binding.IsType("queueTrigger"));
    }

    [Fact]
    public void ServiceBusTransportSizesTheServiceBusExtensionLikeTheQueueExtension()
    {
        var queues = FunctionApp.HostJson(_app)["extensions"]!["queues"]!;

        TransportSwitch.Apply(_app, QueueTransport.ServiceBus);

        var host = FunctionApp.HostJson(_app);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"maxConcurrentCalls":16,"maxAutoLockRenewalDuration":"00:10:00"}"""), host["extensions"]!["serviceBus"]));
        Assert.Equal((int)queues["batchSize"]!, (int)host["extensions"]!["serviceBus"]!["maxConcurrentCalls"]!);
        Assert.Equal((string?)host["functionTimeout"], (string?)host["extensions"]!["serviceBus"]!["maxAutoLockRenewalDuration"]);
        Assert.True(JsonNode.DeepEquals(queues, host["extensions"]!["queues"]), "the Storage queue settings stay for the blob trigger's own queues");
    }

    [Fact]
    public void AFunctionAddedLaterOnTheSameQueueMovesWithTheOthers()
    {
        Directory.CreateDirectory(Path.Combine(_app, "RequeueChunks"));
        File.WriteAllText(Path.Combine(_app, "RequeueChunks", "function.json"), """
            {"bindings":[
              {"type":"timerTrigger","direction":"in","name":"timer","schedule":"%RequeueSchedule%"},
              {"type":"Queue","direction":"out","name":"$return","queueName":"validation","connection":"AzureWebJobsStorage","dataType":"string"}
            ]}
            """);

        var changed = TransportSwitch.Apply(_app, QueueTransport.ServiceBus);

        Assert.Contains("RequeueChunks", changed);
        AssertBinding(_app, "RequeueChunks", "$return", """
            {"type":"serviceBus","direction":"out","name":"$return","queueName":"validation","connection":"ServiceBusConnection","dataType":"string"}
            """);
    }

    [Fact]
    public void AQueueNoFunctionBindsIsAnErrorRatherThanANoOp()
    {
        var ex = Assert.Throws<TransportSwitchException>(() => TransportSwitch.Apply(_app, QueueTransport.ServiceBus, ["digests"]));

        Assert.Contains("digests", ex.Message);
        AssertBinding(_app, "ValidateChunk", "chunk", """
            {"type":"queueTrigger","direction":"in","name":"chunk","queueName":"validation","connection":"AzureWebJobsStorage"}
            """);
    }

    [Fact]
    public void AFolderWithoutHostJsonIsNotAFunctionApp()
    {
        File.Delete(Path.Combine(_app, "host.json"));

        Assert.Throws<TransportSwitchException>(() => TransportSwitch.Apply(_app, QueueTransport.ServiceBus));
    }

    [Fact]
    public async Task CommandLineSwitchesTheFolderAndSaysWhatChanged()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Jamsostek.Packaging.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", tool, "transport", "ServiceBus", _app])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("IngestUpload, ValidateChunk", output);
        Assert.Equal("serviceBusTrigger", (string?)FunctionApp.FunctionJson(_app, "ValidateChunk")["bindings"]![0]!["type"]);
    }

    private static void AssertBinding(string app, string function, string name, string expected)
    {
        var binding = FunctionApp.Bindings(app).Single(b => b.Function == function && (string?)b.Json["name"] == name);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), binding.Json), $"{function}/{name}: {binding.Json.ToJsonString()}");
        // Same order as written: type, direction, name, queueName, connection.
        Assert.Equal(JsonNode.Parse(expected)!.AsObject().Select(p => p.Key), binding.Json.Select(p => p.Key));
    }
}
