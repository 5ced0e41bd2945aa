using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Jamsostek.TestSupport;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally (<see cref="SystemFixture"/>) with ValidateChunk disabled: these tests look at what
/// ingestion stages and queues, so nothing may take it off the queue. One per test collection; each test uploads
/// content of its own (the same content in the same region under another name is that upload's duplicate).
/// </summary>
public sealed class IngestionSystem() : SystemFixture("ingestion-tests")
{
    public const string ValidationQueue = "validation";

    public BlobContainerClient Staging => Container("staging");

    public TableClient UploadsTable => Table("uploads");

    public QueueClient Validation => Queue(ValidationQueue);

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["AzureWebJobs.ValidateChunk.Disabled"] = "true",
    };

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
        await WaitForIngestionAsync(blob, etag, timeout);
        var records = await RecordsWithContentAsync(contentSha256);
        var ingested = new Ingested(blob, etag, contentSha256, records);
        // The office's view of this blob's upload, in Bahasa Indonesia and in English.
        var uploadId = records.FirstOrDefault(r => r.PartitionKey == ingested.Partition && r.GetString("BlobName") == blob.Name)?.RowKey;
        return uploadId is null ? ingested : ingested with
        {
            Summary = await UploadsApi.GetAsync(uploadId),
            SummaryEn = await UploadsApi.GetAsync(uploadId, "en"),
        };
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
public sealed class LocalSystemCollection : ICollectionFixture<IngestionSystem>
{
    public const string Name = "Local system";
}
