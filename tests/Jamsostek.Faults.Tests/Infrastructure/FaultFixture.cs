using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.TestData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Faults.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally, with storage that can fail: its own Azurite (in memory, free ports), a
/// <see cref="FaultProxy"/> in front of it that the app and the local host reach it through, and the app's build
/// output under the local host, copied with a host.json that retries a failed queue message after one second.
/// The tests' own clients go to Azurite directly, so they see storage as it is while the proxy refuses.
/// </summary>
public sealed class FaultFixture : IAsyncLifetime
{
    public const string DevKey = "faults-test-dev-key";
    public const string MasterKey = "faults-test-master-key";
    private static readonly string[] FinalStatuses = ["completed", "completed_with_errors", "rejected", "failed"];

    private LocalHost.DevServices.DevServices? _services;
    private string? _scriptRoot;

    public FunctionsHost.LocalFunctionsHost Host { get; private set; } = null!;

    public FaultProxy Proxy { get; private set; } = null!;

    /// <summary>Azurite itself, for the tests' own reads and writes.</summary>
    public string ConnectionString => _services!.StorageConnectionString;

    /// <summary>Azurite through the proxy: what the app and the local host use.</summary>
    public string ProxiedConnectionString { get; private set; } = "";

    public BlobContainerClient Uploads => new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    public async Task InitializeAsync()
    {
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(LocalHost.RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        var options = _services.Options;
        Proxy = await FaultProxy.StartAsync(options.BlobPort, options.QueuePort, options.TablePort);
        ProxiedConnectionString = ConnectionString
            .Replace($":{options.BlobPort}/", $":{Proxy.Ports[options.BlobPort]}/", StringComparison.Ordinal)
            .Replace($":{options.QueuePort}/", $":{Proxy.Ports[options.QueuePort]}/", StringComparison.Ordinal)
            .Replace($":{options.TablePort}/", $":{Proxy.Ports[options.TablePort]}/", StringComparison.Ordinal);
        _scriptRoot = FunctionAppCopy.WithFastRetries(LocalHost.RepositoryPaths.FunctionAppOutput, "faults");
        await StartHostAsync();
        await Uploads.CreateIfNotExistsAsync();
    }

    /// <summary>A new local host (and worker) on the same storage and script root.</summary>
    public async Task StartHostAsync()
    {
        Host = await FunctionsHost.LocalFunctionsHost.StartAsync(new FunctionsHost.LocalHostOptions
        {
            ScriptRoot = _scriptRoot!,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ProxiedConnectionString,
                ["AzureFunctionsWebHost__hostid"] = "faults-tests",
                ["LocalHostMasterKey"] = MasterKey,
                ["JamsostekDevKey"] = DevKey,
            },
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            LoggerFactory = NullLoggerFactory.Instance,
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_scriptRoot is not null)
        {
            Directory.Delete(_scriptRoot, recursive: true);
        }
    }

    public HttpClient CreateClient() => new()
    {
        BaseAddress = Host.BaseAddress,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { { "x-functions-key", DevKey } },
    };

    public static string UploadIdOf(string region, byte[] content) =>
        $"{region}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..20]}";

    /// <summary>Uploads a file as an office would, uploads/{region}/{name}; returns the upload id.</summary>
    public async Task<string> UploadAsync(string region, string name, byte[] content)
    {
        await Uploads.GetBlobClient($"{region}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return UploadIdOf(region, content);
    }

    public async Task<TableEntity> UploadAndWaitAsync(string region, string name, byte[] content, TimeSpan? timeout = null) =>
        await WaitForOutcomeAsync(region, await UploadAsync(region, name, content), timeout);

    /// <summary>Waits until the upload is final or failed, and returns its record.</summary>
    public async Task<TableEntity> WaitForOutcomeAsync(string region, string uploadId, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var record = await FindUploadAsync(region, uploadId);
            if (record is not null && FinalStatuses.Contains(record.GetString("Status")))
            {
                return record;
            }
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
            {
                throw new TimeoutException($"Upload {uploadId} is still {record?.GetString("Status") ?? "unrecorded"} after {clock.Elapsed.TotalSeconds:N0} s" +
                    $" ({await ChunkResultsAsync(uploadId)} of {record?.GetInt32("Chunks")} chunks validated).");
            }
            await Task.Delay(200);
        }
    }

    public async Task<TableEntity?> FindUploadAsync(string region, string uploadId)
    {
        try
        {
            var record = await Table("uploads").GetEntityIfExistsAsync<TableEntity>(region, uploadId);
            return record.HasValue ? record.Value : null;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // The table appears with the first upload.
        }
    }

    public async Task<IReadOnlyList<TableEntity>> QueryAsync(string table, string filter, IEnumerable<string>? select = null)
    {
        var found = new List<TableEntity>();
        try
        {
            await foreach (var entity in Table(table).QueryAsync<TableEntity>(filter, select: select))
            {
                found.Add(entity);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return found;
    }

    /// <summary>The NIKs stored under one agreement of a region (its participants partition).</summary>
    public async Task<IReadOnlyList<string>> ParticipantNiksAsync(string region, string agreementKey) =>
        [.. (await QueryAsync("participants", TableClient.CreateQueryFilter($"PartitionKey eq {region + "|" + agreementKey}"), ["RowKey"])).Select(e => e.RowKey)];

    public async Task<int> ChunkResultsAsync(string uploadId) =>
        (await QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), ["RowKey"])).Count;

    /// <summary>Each finding of the upload's findings.json (reports/{uploadId}/findings.json): its code and severity.</summary>
    public async Task<IReadOnlyList<(string Code, string Severity)>> FindingsAsync(string uploadId)
    {
        var blob = new BlobServiceClient(ConnectionString).GetBlobContainerClient("reports").GetBlobClient($"{uploadId}/findings.json");
        var report = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        return [.. report["findings"]!.AsArray().Select(f => (f!["code"]!.GetValue<string>(), f["severity"]!.GetValue<string>()))];
    }

    /// <summary>Waits until at least <paramref name="chunks"/> chunks of the upload are validated.</summary>
    public async Task WaitForChunksAsync(string uploadId, int chunks, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (await ChunkResultsAsync(uploadId) < chunks)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Validation of {uploadId} did not reach chunk {chunks} in {timeout.TotalSeconds:N0} s.");
            }
            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "Faults";
}
