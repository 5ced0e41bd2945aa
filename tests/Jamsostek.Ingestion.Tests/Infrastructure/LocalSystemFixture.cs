using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally: real Azurite (in memory, free ports), the app's build output started as a child
/// process by the local host. One per test collection; each test uploads content of its own (the same content in
/// the same region under another name is that upload's duplicate).
/// </summary>
public sealed class LocalSystemFixture : IAsyncLifetime
{
    public const string ValidationQueue = "validation";

    private const string HostId = "ingestion-tests";
    private const string IngestFunction = "Host.Functions.IngestUpload";

    private LocalHost.DevServices.DevServices? _services;

    public FunctionsHost.LocalFunctionsHost Host { get; private set; } = null!;

    public string ConnectionString => _services!.StorageConnectionString;

    public BlobContainerClient Uploads => new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");

    public BlobContainerClient Staging => new BlobServiceClient(ConnectionString).GetBlobContainerClient("staging");

    public TableClient UploadsTable => new TableServiceClient(ConnectionString).GetTableClient("uploads");

    public QueueClient Validation => new(ConnectionString, ValidationQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task InitializeAsync()
    {
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(LocalHost.RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        Host = await FunctionsHost.LocalFunctionsHost.StartAsync(new FunctionsHost.LocalHostOptions
        {
            ScriptRoot = LocalHost.RepositoryPaths.FunctionAppOutput,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["AzureFunctionsWebHost__hostid"] = HostId,
                // These tests look at what ingestion queues, so nothing may take it off the queue.
                ["AzureWebJobs.ValidateChunk.Disabled"] = "true",
            },
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            LoggerFactory = NullLoggerFactory.Instance,
        });
        await Uploads.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>The worker process the local host started (for its memory use).</summary>
    public int WorkerProcessId => Host.Worker.ProcessId ?? throw new InvalidOperationException("The local host runs no worker process.");

    /// <summary>
    /// Uploads a file as an office would and waits until IngestUpload has settled on this version of the blob: its
    /// blob receipt is complete, which the host marks only after the function returned and its queue messages
    /// were written. Returns what was uploaded and the upload records holding this content.
    /// </summary>
    public async Task<Ingested> IngestAsync(string region, string name, byte[] content, TimeSpan? timeout = null)
    {
        var blob = Uploads.GetBlobClient($"{region}/{name}");
        var info = (await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true)).Value;
        return await SettledAsync(blob, info.ETag, Convert.ToHexStringLower(SHA256.HashData(content)), timeout);
    }

    /// <inheritdoc cref="IngestAsync(string, string, byte[], TimeSpan?)"/>
    public async Task<Ingested> IngestFileAsync(string region, string name, string path, TimeSpan? timeout = null)
    {
        var blob = Uploads.GetBlobClient($"{region}/{name}");
        var info = (await blob.UploadAsync(path, overwrite: true)).Value;
        string sha256;
        await using (var file = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
        }
        return await SettledAsync(blob, info.ETag, sha256, timeout);
    }

    /// <summary>Every upload record holding content with this SHA-256 (any region, any blob name).</summary>
    public async Task<IReadOnlyList<TableEntity>> RecordsWithContentAsync(string contentSha256)
    {
        var records = new List<TableEntity>();
        try
        {
            await foreach (var record in UploadsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ContentSha256 eq {contentSha256}")))
            {
                records.Add(record);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No upload yet: no table.
        }
        return records;
    }

    /// <summary>The names of every staging blob of an upload (chunks and manifest).</summary>
    public async Task<IReadOnlyList<string>> StagingBlobNamesAsync(string uploadId)
    {
        var names = new List<string>();
        if (!await Staging.ExistsAsync())
        {
            return names;
        }
        await foreach (var blob in Staging.GetBlobsAsync(BlobTraits.None, BlobStates.None, uploadId + "/", default))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    /// <summary>How many rows (lines) each staged chunk blob holds, by blob name, without parsing them.</summary>
    public async Task<IReadOnlyDictionary<string, int>> StagedLineCountsAsync(string uploadId)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in await StagingBlobNamesAsync(uploadId))
        {
            if (!name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                continue;
            }
            var content = (await Staging.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToMemory();
            counts[name] = content.Span.Count((byte)'\n');
        }
        return counts;
    }

    private async Task<Ingested> SettledAsync(BlobClient blob, ETag etag, string contentSha256, TimeSpan? timeout)
    {
        var receipt = new BlobServiceClient(ConnectionString).GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"blobreceipts/{HostId}/{IngestFunction}/{etag:H}/{blob.BlobContainerName}/{blob.Name}");
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                var properties = (await receipt.GetPropertiesAsync()).Value;
                if (!properties.Metadata.ContainsKey("Incomplete"))
                {
                    break;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Not seen by the blob scan yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"IngestUpload did not settle on {blob.Name} (ETag {etag}) within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s.");
            }
            await Task.Delay(100);
        }
        return new Ingested(blob, etag, contentSha256, await RecordsWithContentAsync(contentSha256));
    }

    /// <summary>
    /// Takes every message off the validation queue and returns those of one upload. Tests in the collection
    /// run one at a time, so what is on the queue is this test's.
    /// </summary>
    public Task<IReadOnlyList<JsonObject>> DrainChunkMessagesAsync(string uploadId) => DrainChunkMessagesAsync([uploadId]);

    /// <inheritdoc cref="DrainChunkMessagesAsync(string)"/>
    public async Task<IReadOnlyList<JsonObject>> DrainChunkMessagesAsync(IReadOnlyCollection<string> uploadIds)
    {
        var found = new List<JsonObject>();
        if (!await Validation.ExistsAsync())
        {
            return found;
        }
        while (true)
        {
            var messages = (await Validation.ReceiveMessagesAsync(32)).Value;
            if (messages.Length == 0)
            {
                return found;
            }
            foreach (var message in messages)
            {
                var json = JsonNode.Parse(message.Body.ToString())!.AsObject();
                if (uploadIds.Contains(json["uploadId"]!.GetValue<string>()))
                {
                    found.Add(json);
                }
                await Validation.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    /// <summary>Every staged row of an upload, in chunk order.</summary>
    public async Task<IReadOnlyList<JsonObject>> StagedRowsAsync(string uploadId)
    {
        var rows = new List<JsonObject>();
        await foreach (var blob in Staging.GetBlobsAsync(BlobTraits.None, BlobStates.None, uploadId + "/chunk-", default))
        {
            var content = (await Staging.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            rows.AddRange(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()));
        }
        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalSystemCollection : ICollectionFixture<LocalSystemFixture>
{
    public const string Name = "Local system";
}
