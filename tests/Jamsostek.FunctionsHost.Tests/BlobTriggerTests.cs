using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobTriggerTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    [Fact]
    public async Task NewBlobRunsTheFunctionWithABlobClientItsPathPartsAndBindingDataAndCompletesItsReceipt()
    {
        const string content = "NIK;Nama\n5204010101900001;Ani\n";
        await using var host = await StartHostAsync();
        var blob = await App.UploadAsync(App.BlobContainer, "5204/peserta.csv", content, new Dictionary<string, string> { ["office"] = "mataram" });

        var invocation = (await Recordings.WaitForAsync("BlobWatch", 1)).Single();

        // The worker built its BlobClient from the model binding data and read the blob through it.
        Assert.Equal(App.BlobContainer, invocation.Text("container"));
        Assert.Equal("5204/peserta.csv", invocation.Text("blob"));
        Assert.Equal(content, invocation.Text("content"));
        Assert.Equal("5204", invocation.Text("region"));
        Assert.Equal("peserta.csv", invocation.Text("name"));
        // Binding data as the Functions host sends it: strings as themselves, everything else as JSON text.
        Assert.Equal($"{App.BlobContainer}/5204/peserta.csv", invocation.BindingData["BlobTrigger"]);
        Assert.Equal(blob.Uri.AbsoluteUri, invocation.Json("Uri")!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount(content), invocation.Json("Properties")!["ContentLength"]!.GetValue<long>());
        Assert.Equal(0, invocation.Json("Properties")!["BlobType"]!.GetValue<int>());
        Assert.Equal("mataram", invocation.Json("Metadata")!["office"]!.GetValue<string>());
        Assert.Equal("5204", invocation.BindingData["region"]);
        Assert.Equal("peserta.csv", invocation.BindingData["name"]);
        Assert.DoesNotContain("sys", invocation.BindingData.Keys);
        await Eventually.TrueAsync(async () => await App.ReceiptCompleteAsync("BlobWatch", blob) == true, TimeSpan.FromSeconds(10), "the receipt marked complete");
    }

    [Fact]
    public async Task BlobIsProcessedOncePerETagAcrossARestartAndAgainWhenItChanges()
    {
        await using (var first = await StartHostAsync())
        {
            await App.UploadAsync(App.BlobContainer, "5316/agreements.csv", "version 1");
            await Recordings.WaitForAsync("BlobWatch", 1, where: Blob("5316/agreements.csv"));
            await ScannedAgainAsync(first, "5316/later-1.csv");
        }
        await using var second = await StartHostAsync();
        await ScannedAgainAsync(second, "5316/later-2.csv");
        Assert.Single(Recordings.Of("BlobWatch"), r => r.Text("blob") == "5316/agreements.csv");

        await App.UploadAsync(App.BlobContainer, "5316/agreements.csv", "version 2");
        var runs = await Recordings.WaitForAsync("BlobWatch", 2, where: Blob("5316/agreements.csv"));
        await ScannedAgainAsync(second, "5316/later-3.csv");

        Assert.Equal(["version 1", "version 2"], Recordings.Of("BlobWatch").Where(Blob("5316/agreements.csv")).Select(r => r.Text("content")));
        Assert.Equal("version 2", runs[1].Text("content"));
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
            var runs = await Recordings.WaitForAsync("BlobWatch", 2);
            Assert.Equal(["after", "long name"], runs.Select(r => r.Text("content")).Order());
            Assert.Equal(longName, runs.Single(r => r.Text("content") == "long name").Text("blob"));

            var hashedName = "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(longName)));
            await Eventually.TrueAsync(async () => await App.ReceiptCompleteAsync("BlobWatch", blob, hashedName) == true,
                TimeSpan.FromSeconds(10), "the long name's receipt, under its hash, marked complete");
        }
        await using var second = await StartHostAsync();
        await ScannedAgainAsync(second, "5204/zz-later.csv");

        Assert.Single(Recordings.Of("BlobWatch"), r => r.Text("blob") == longName);
    }

    [Fact]
    public async Task FunctionThatKeepsFailingRunsFiveTimesThenAPoisonMessageNamesTheBlob()
    {
        await using var host = await StartHostAsync();
        var blob = await App.UploadAsync(App.FailContainer, "rusak.xlsx", "fail: not really a workbook");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");

        JsonObject? poison = null;
        await Eventually.TrueAsync(async () =>
        {
            poison = (await App.PeekAllAsync("webjobs-blobtrigger-poison"))
                .Select(m => JsonNode.Parse(m)!.AsObject())
                .FirstOrDefault(m => m["ContainerName"]!.GetValue<string>() == App.FailContainer);
            return poison is not null;
        }, TimeSpan.FromSeconds(30), "a poison message for the failing blob");
        // Another blob in the same container runs to the end: the scans and the trigger queue went on meanwhile.
        await App.UploadAsync(App.FailContainer, "utuh.xlsx", "a fine workbook");
        await Recordings.WaitForAsync("BlobFails", 1, where: r => r.Text("name") == "utuh.xlsx");
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.BlobTriggerQueue) == 0, TimeSpan.FromSeconds(10), "the trigger queue drained");

        Assert.Equal(5, Recordings.Of("BlobFails").Count(r => r.Text("name") == "rusak.xlsx"));
        Assert.Equal("Host.Functions.BlobFails", poison!["FunctionId"]!.GetValue<string>());
        Assert.Equal("BlockBlob", poison["BlobType"]!.GetValue<string>());
        Assert.Equal("rusak.xlsx", poison["BlobName"]!.GetValue<string>());
        Assert.Equal(etag, poison["ETag"]!.GetValue<string>());
        Assert.Equal("fail: not really a workbook", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task QueueOutputArrayBecomesOneMessagePerElement()
    {
        await using var host = await StartHostAsync();
        await App.UploadAsync(App.BlobContainer, "5318/peserta.csv", "rows");

        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).Count == 2, TimeSpan.FromSeconds(20), "two output messages");

        Assert.Equal(["5318/peserta.csv", "second peserta.csv"], await App.PeekAllAsync(App.OutQueue));
    }

    [Fact]
    public async Task LargeBlobArrivesByteForByte()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        await using var host = await StartHostAsync();
        var container = App.Blobs.GetBlobContainerClient(App.LargeContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("besar.xlsx").UploadAsync(BinaryData.FromBytes(content));

        var invocation = (await Recordings.WaitForAsync("BlobStream", 1)).Single();

        Assert.Equal("besar.xlsx", invocation.Text("name"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), invocation.Text("sha256"));
        Assert.Equal(content.Length, invocation.Json("Properties")!["ContentLength"]!.GetValue<long>());
    }

    private static Func<Recording, bool> Blob(string name) => r => r.Text("blob") == name;

    /// <summary>
    /// A new blob in the container runs, and the blob trigger queue is empty afterwards: the host scanned the container
    /// since, and whatever an earlier scan queued has run. What did not run by then was not going to.
    /// </summary>
    /// <summary>
    /// The host has looked again: a blob uploaded now runs, and the host reports a whole scan since, with whatever it
    /// queued run and settled; so a blob that may not run again would have by now.
    /// </summary>
    private async Task ScannedAgainAsync(LocalFunctionsHost host, string name)
    {
        await App.UploadAsync(App.BlobContainer, name, "later");
        await Recordings.WaitForAsync("BlobWatch", 1, where: Blob(name));
        await host.BlobTriggersSettledAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(async () => await App.MessageCountAsync(App.BlobTriggerQueue) == 0, TimeSpan.FromSeconds(10), "the trigger queue drained");
    }
}
