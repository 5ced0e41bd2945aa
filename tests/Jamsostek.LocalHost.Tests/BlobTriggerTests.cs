using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestApp _app = new(azurite);
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await TestHandler.StartAsync();

    public async Task DisposeAsync() => await _handler.DisposeAsync();

    [Fact]
    public async Task NewBlobRunsTheFunctionWithItsBytesPathPartsAndACompletedReceipt()
    {
        await using var host = await _app.StartHostAsync(_handler);
        var blob = await _app.UploadAsync(_app.BlobContainer, "5204/peserta.csv", "NIK;Nama\n5204010101900001;Ani\n");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");

        var invocation = (await _handler.WaitForAsync("BlobWatch", 1)).Single();

        Assert.Equal("NIK;Nama\n5204010101900001;Ani\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(invocation.Data["upload"]!.GetValue<string>())));
        Assert.Equal("5204", invocation.Metadata["region"]!.GetValue<string>());
        Assert.Equal("peserta.csv", invocation.Metadata["name"]!.GetValue<string>());
        Assert.Equal($"{_app.BlobContainer}/5204/peserta.csv", invocation.Metadata["BlobTrigger"]!.GetValue<string>());
        Assert.Equal(etag, invocation.Metadata["Properties"]!["ETag"]!.GetValue<string>());
        Assert.Equal("BlobWatch", invocation.Metadata["sys"]!["MethodName"]!.GetValue<string>());

        var receipt = _app.Blobs.GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"blobreceipts/{_app.HostId}/Host.Functions.BlobWatch/{etag}/{_app.BlobContainer}/5204/peserta.csv");
        await Eventually.TrueAsync(async () => await receipt.ExistsAsync() && !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete"),
            TimeSpan.FromSeconds(10), "the receipt marked complete");
    }

    [Fact]
    public async Task BlobIsProcessedOncePerETagAcrossARestartAndAgainWhenItChanges()
    {
        await using (var first = await _app.StartHostAsync(_handler))
        {
            await _app.UploadAsync(_app.BlobContainer, "5316/agreements.csv", "version 1");
            await _handler.WaitForAsync("BlobWatch", 1);
            await Task.Delay(1000); // Several scans: still once.
        }
        await using var second = await _app.StartHostAsync(_handler);
        await Task.Delay(1500);
        Assert.Single(_handler.Of("BlobWatch"));

        await _app.UploadAsync(_app.BlobContainer, "5316/agreements.csv", "version 2");
        var invocations = await _handler.WaitForAsync("BlobWatch", 2);
        await Task.Delay(1000);

        Assert.Equal(2, _handler.Of("BlobWatch").Count);
        Assert.Equal("version 2", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(invocations[1].Data["upload"]!.GetValue<string>())));
    }

    [Fact]
    public async Task HandlerThatKeepsFailingRunsFiveTimesThenAPoisonMessageNamesTheBlob()
    {
        _handler.Behaviour = invocation => invocation.Function == "BlobFails"
            ? Results.Problem("boom", statusCode: 500)
            : Results.Json(new JsonObject());
        await using var host = await _app.StartHostAsync(_handler);
        var blob = await _app.UploadAsync(_app.FailContainer, "rusak.xlsx", "not really a workbook");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");

        JsonObject? poison = null;
        await Eventually.TrueAsync(async () =>
        {
            poison = (await _app.PeekAllAsync("webjobs-blobtrigger-poison"))
                .Select(m => JsonNode.Parse(m)!.AsObject())
                .FirstOrDefault(m => m["ContainerName"]!.GetValue<string>() == _app.FailContainer);
            return poison is not null;
        }, TimeSpan.FromSeconds(30), "a poison message for the failing blob");
        await Task.Delay(1500);

        Assert.Equal(5, _handler.Of("BlobFails").Count);
        Assert.Equal("Host.Functions.BlobFails", poison!["FunctionId"]!.GetValue<string>());
        Assert.Equal("BlockBlob", poison["BlobType"]!.GetValue<string>());
        Assert.Equal("rusak.xlsx", poison["BlobName"]!.GetValue<string>());
        Assert.Equal(etag, poison["ETag"]!.GetValue<string>());
        Assert.Equal("not really a workbook", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task QueueOutputArrayBecomesOneMessagePerElement()
    {
        _handler.Behaviour = _ => Results.Json(new JsonObject
        {
            ["Outputs"] = new JsonObject { ["chunks"] = new JsonArray("chunk-1", "chunk-2", "{\"chunk\":3}") },
            ["Logs"] = new JsonArray("three chunks"),
        });
        await using var host = await _app.StartHostAsync(_handler);
        await _app.UploadAsync(_app.BlobContainer, "5318/peserta.csv", "rows");

        await Eventually.TrueAsync(async () => (await _app.PeekAllAsync(_app.OutQueue)).Count == 3, TimeSpan.FromSeconds(20), "three output messages");

        Assert.Equal(["chunk-1", "chunk-2", "{\"chunk\":3}"], await _app.PeekAllAsync(_app.OutQueue));
    }

    [Fact]
    public async Task LargeBlobArrivesByteForByte()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        await using var host = await _app.StartHostAsync(_handler);
        var container = _app.Blobs.GetBlobContainerClient(_app.BlobContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("5204/besar.xlsx").UploadAsync(BinaryData.FromBytes(content));

        var invocation = (await _handler.WaitForAsync("BlobWatch", 1)).Single();

        Assert.Equal(content, Convert.FromBase64String(invocation.Data["upload"]!.GetValue<string>()));
    }
}
