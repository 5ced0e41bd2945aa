using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally, with storage that can fail: its own Azurite, a <see cref="FaultProxy"/> in front of it
/// that the app and the local host reach it through, and the app's build output copied with a host.json that retries
/// a failed queue message after one second. The tests' own clients go to Azurite directly, so they see storage as it
/// is while the proxy refuses.
/// </summary>
public sealed class FaultFixture() : SystemFixture("faults-tests")
{
    public FaultProxy Proxy { get; private set; } = null!;

    /// <summary>Azurite through the proxy: what the app and the local host use.</summary>
    public string ProxiedConnectionString { get; private set; } = "";

    protected override bool WithFastRetries => true;

    protected override string HostStorage => ProxiedConnectionString;

    protected override async Task BeforeHostsAsync()
    {
        var options = ServiceOptions;
        Proxy = await FaultProxy.StartAsync(options.BlobPort, options.QueuePort, options.TablePort);
        ProxiedConnectionString = ConnectionString
            .Replace($":{options.BlobPort}/", $":{Proxy.Ports[options.BlobPort]}/", StringComparison.Ordinal)
            .Replace($":{options.QueuePort}/", $":{Proxy.Ports[options.QueuePort]}/", StringComparison.Ordinal)
            .Replace($":{options.TablePort}/", $":{Proxy.Ports[options.TablePort]}/", StringComparison.Ordinal);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }

    /// <summary>The NIKs stored under one agreement of a region (its participants partition).</summary>
    public async Task<IReadOnlyList<string>> ParticipantNiksAsync(string region, string agreementKey) =>
        [.. (await QueryAsync("participants", TableClient.CreateQueryFilter($"PartitionKey eq {region + "|" + agreementKey}"), ["RowKey"])).Select(e => e.RowKey)];

    public async Task<int> ChunkResultsAsync(string uploadId) =>
        (await QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), ["RowKey"])).Count;

    /// <summary>Each finding of the upload's findings.json (reports/{uploadId}/findings.json): its code and severity.</summary>
    public async Task<IReadOnlyList<(string Code, string Severity)>> FindingsAsync(string uploadId)
    {
        var blob = Container("reports").GetBlobClient($"{uploadId}/findings.json");
        var report = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        return [.. report["findings"]!.AsArray().Select(f => (f!["code"]!.GetValue<string>(), f["severity"]!.GetValue<string>()))];
    }

    /// <summary>Waits until at least <paramref name="chunks"/> chunks of the upload are validated.</summary>
    public Task WaitForChunksAsync(string uploadId, int chunks, TimeSpan timeout) =>
        Eventually.TrueAsync(async () => await ChunkResultsAsync(uploadId) >= chunks, timeout, $"validation of {uploadId} reaches chunk {chunks}");
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "Faults";
}
