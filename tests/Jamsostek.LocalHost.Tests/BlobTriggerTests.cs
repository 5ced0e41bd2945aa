using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobTriggerTests(AzuriteFixture azurite) : LocalHostTest(azurite)
{
    [Fact]
    public async Task NewBlobRunsTheFunctionWithItsBytesPathPartsAndACompletedReceipt()
    {
        await using var host = await StartHostAsync();
        var blob = await App.UploadAsync(App.BlobContainer, "5204/peserta.csv", "NIK;Nama\n5204010101900001;Ani\n");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");

        var invocation = (await Handler.WaitForAsync("BlobWatch", 1)).Single();

        Assert.Equal("NIK;Nama\n5204010101900001;Ani\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(invocation.Data["upload"]!.GetValue<string>())));
        Assert.Equal("5204", invocation.Metadata["region"]!.GetValue<string>());
        Assert.Equal("peserta.csv", invocation.Metadata["name"]!.GetValue<string>());
        Assert.Equal($"{App.BlobContainer}/5204/peserta.csv", invocation.Metadata["BlobTrigger"]!.GetValue<string>());
        Assert.Equal(etag, invocation.Metadata["Properties"]!["ETag"]!.GetValue<string>());
        Assert.Equal("BlobWatch", invocation.Metadata["sys"]!["MethodName"]!.GetValue<string>());

        var receipt = App.Blobs.GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"blobreceipts/{App.HostId}/Host.Functions.BlobWatch/{etag}/{App.BlobContainer}/5204/peserta.csv");
        await Eventually.TrueAsync(async () => await receipt.ExistsAsync() && !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete"),
            TimeSpan.FromSeconds(10), "the receipt marked complete");
    }

    [Fact]
    public async Task BlobIsProcessedOncePerETagAcrossARestartAndAgainWhenItChanges()
    {
        await using (var first = await StartHostAsync())
        {
            await App.UploadAsync(App.BlobContainer, "5316/agreements.csv", "version 1");
            await Handler.WaitForAsync("BlobWatch", 1);
            await Task.Delay(1000); // Several scans: still once.
        }
        await using var second = await StartHostAsync();
        await Task.Delay(1500);
        Assert.Single(Handler.Of("BlobWatch"));

        await App.UploadAsync(App.BlobContainer, "5316/agreements.csv", "version 2");
        var invocations = await Handler.WaitForAsync("BlobWatch", 2);
        await Task.Delay(1000);

        Assert.Equal(2, Handler.Of("BlobWatch").Count);
        Assert.Equal("version 2", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(invocations[1].Data["upload"]!.GetValue<string>())));
    }

    [Fact]
    public async Task BlobNameTooLongForTheReceiptLayoutRunsOnceAcrossARestartAndHoldsUpNoOtherBlob()
    {
        // 1,000 characters: a valid blob name, but blobreceipts/{hostId}/{function}/{ETag}/{container}/ before it passes
        // the 1,024 characters Azure Storage allows a blob name (Azurite does not enforce it), so the receipt goes by its hash.
        var longName = "5204/" + new string('p', 991) + ".csv";
        await using (var first = await StartHostAsync())
        {
            var blob = await App.UploadAsync(App.BlobContainer, longName, "long name");
            await App.UploadAsync(App.BlobContainer, "5204/zz-after-the-long-name.csv", "after");
            var invocations = await Handler.WaitForAsync("BlobWatch", 2);
            Assert.Equal(["after", "long name"], invocations.Select(i => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(i.Data["upload"]!.GetValue<string>()))).Order());

            var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");
            var receipt = App.Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient(
                $"blobreceipts/{App.HostId}/Host.Functions.BlobWatch/{etag}/{App.BlobContainer}/sha256-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(longName)))}");
            await Eventually.TrueAsync(async () => await receipt.ExistsAsync() && !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete"),
                TimeSpan.FromSeconds(10), "the long name's receipt, under its hash, marked complete");
            Assert.True(receipt.Name.Length <= 1024);
        }
        await using var second = await StartHostAsync();
        await Task.Delay(1500);
        Assert.Equal(2, Handler.Of("BlobWatch").Count);
    }

    [Fact]
    public async Task HandlerThatKeepsFailingRunsFiveTimesThenAPoisonMessageNamesTheBlob()
    {
        Handler.Behaviour = invocation => invocation.Function == "BlobFails"
            ? Results.Problem("boom", statusCode: 500)
            : Results.Json(new JsonObject());
        await using var host = await StartHostAsync();
        var blob = await App.UploadAsync(App.FailContainer, "rusak.xlsx", "not really a workbook");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");

        JsonObject? poison = null;
        await Eventually.TrueAsync(async () =>
        {
            poison = (await App.PeekAllAsync("webjobs-blobtrigger-poison"))
                .Select(m => JsonNode.Parse(m)!.AsObject())
                .FirstOrDefault(m => m["ContainerName"]!.GetValue<string>() == App.FailContainer);
            return poison is not null;
        }, TimeSpan.FromSeconds(30), "a poison message for the failing blob");
        await Task.Delay(1500);

        Assert.Equal(5, Handler.Of("BlobFails").Count);
        Assert.Equal("Host.Functions.BlobFails", poison!["FunctionId"]!.GetValue<string>());
        Assert.Equal("BlockBlob", poison["BlobType"]!.GetValue<string>());
        Assert.Equal("rusak.xlsx", poison["BlobName"]!.GetValue<string>());
        Assert.Equal(etag, poison["ETag"]!.GetValue<string>());
        Assert.Equal("not really a workbook", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task QueueOutputArrayBecomesOneMessagePerElement()
    {
        Handler.Behaviour = _ => Results.Json(new JsonObject
        {
            ["Outputs"] = new JsonObject { ["chunks"] = new JsonArray("chunk-1", "chunk-2", "{\"chunk\":3}") },
            ["Logs"] = new JsonArray("three chunks"),
        });
        await using var host = await StartHostAsync();
        await App.UploadAsync(App.BlobContainer, "5318/peserta.csv", "rows");

        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).Count == 3, TimeSpan.FromSeconds(20), "three output messages");

        Assert.Equal(["chunk-1", "chunk-2", "{\"chunk\":3}"], await App.PeekAllAsync(App.OutQueue));
    }

    [Fact]
    public async Task LargeBlobArrivesByteForByte()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        await using var host = await StartHostAsync();
        var container = App.Blobs.GetBlobContainerClient(App.BlobContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("5204/besar.xlsx").UploadAsync(BinaryData.FromBytes(content));

        var invocation = (await Handler.WaitForAsync("BlobWatch", 1)).Single();

        Assert.Equal(content, Convert.FromBase64String(invocation.Data["upload"]!.GetValue<string>()));
    }
}
