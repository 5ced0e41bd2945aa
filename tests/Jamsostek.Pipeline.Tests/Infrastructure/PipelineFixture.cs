using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.TestData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally, every function enabled: real Azurite (in memory, free ports) and the app's build
/// output under the local host, from a copy of the build whose host.json retries a failed queue message after one
/// second instead of ten (so the five attempts of a failing chunk take seconds). Tests keep apart by region,
/// agreement number and coverage year, since they share one storage account.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public const string MasterKey = "pipeline-test-master-key";

    /// <summary>The app's development key (every region, personal data), as local.settings.json carries one.</summary>
    public const string DevKey = "pipeline-test-dev-key";

    private LocalHost.DevServices.DevServices? _services;
    private string? _scriptRoot;

    public FunctionsHost.LocalFunctionsHost Host { get; private set; } = null!;

    public string ConnectionString => _services!.StorageConnectionString;

    public BlobContainerClient Uploads => new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");

    public BlobContainerClient Reports => new BlobServiceClient(ConnectionString).GetBlobContainerClient("reports");

    public BlobContainerClient Staging => new BlobServiceClient(ConnectionString).GetBlobContainerClient("staging");

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    public QueueClient Queue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task InitializeAsync()
    {
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(LocalHost.RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        _scriptRoot = FunctionAppCopy.WithFastRetries(LocalHost.RepositoryPaths.FunctionAppOutput, "pipeline");
        await StartHostAsync();
        await Uploads.CreateIfNotExistsAsync();
    }

    public async Task StartHostAsync()
    {
        Host = await FunctionsHost.LocalFunctionsHost.StartAsync(new FunctionsHost.LocalHostOptions
        {
            ScriptRoot = _scriptRoot!,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["AzureFunctionsWebHost__hostid"] = "pipeline-tests",
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
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_scriptRoot is not null)
        {
            Directory.Delete(_scriptRoot, recursive: true);
        }
    }

    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }
        return client;
    }

    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", MasterKey);
        return client;
    }

    /// <summary>Uploads a file as an office would: uploads/{region}/{name}.</summary>
    public async Task<BlobClient> UploadAsync(string region, string name, byte[] content)
    {
        var blob = Uploads.GetBlobClient($"{region}/{name}");
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }

    /// <summary>The id the app gives an upload: the region and the first 20 hex digits of the content's SHA-256.</summary>
    public static string UploadIdOf(string region, byte[] content) =>
        $"{region}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..20]}";

    /// <summary>Uploads the file and waits until its upload is final (or failed); returns the upload record.</summary>
    public async Task<TableEntity> UploadAndWaitAsync(string region, string name, byte[] content, TimeSpan? timeout = null)
    {
        await UploadAsync(region, name, content);
        return await WaitForOutcomeAsync(region, UploadIdOf(region, content), timeout);
    }

    /// <summary>Uploads a file from disk, streamed (for sheets too large to hold), and waits until its upload is final (or failed).</summary>
    public async Task<TableEntity> UploadFileAndWaitAsync(string region, string name, string path, TimeSpan timeout)
    {
        string uploadId;
        await using (var file = File.OpenRead(path))
        {
            uploadId = $"{region}-{Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file))[..20]}";
        }
        await Uploads.GetBlobClient($"{region}/{name}").UploadAsync(path, overwrite: true);
        return await WaitForOutcomeAsync(region, uploadId, timeout);
    }

    /// <summary>
    /// Waits until IngestUpload has settled on the blob as it is now: its blob receipt is complete, which the host
    /// marks only after the function returned.
    /// </summary>
    public async Task WaitForIngestionAsync(string blobName, TimeSpan? timeout = null)
    {
        var etag = (await Uploads.GetBlobClient(blobName).GetPropertiesAsync()).Value.ETag;
        var receipt = new BlobServiceClient(ConnectionString).GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"blobreceipts/pipeline-tests/Host.Functions.IngestUpload/{etag:H}/uploads/{blobName}");
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete");
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                return false; // not seen by the blob scan yet
            }
        }, timeout ?? TimeSpan.FromSeconds(60), $"IngestUpload settles on {blobName}");
    }

    /// <summary>Every upload record of a region holding this content (the upload that holds it and its duplicates).</summary>
    public Task<IReadOnlyList<TableEntity>> RecordsWithContentAsync(string region, byte[] content) =>
        QueryAsync("uploads", TableClient.CreateQueryFilter(
            $"PartitionKey eq {region} and ContentSha256 eq {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}"));

    /// <summary>The id the app gives a blob whose content another blob of the region brought first.</summary>
    public static string DuplicateIdOf(string region, byte[] content, string blobName) =>
        $"{UploadIdOf(region, content)}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName)))[..12]}";

    /// <summary>Waits until the upload is final or failed, and returns its record.</summary>
    public async Task<TableEntity> WaitForOutcomeAsync(string region, string uploadId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                var record = await Table("uploads").GetEntityIfExistsAsync<TableEntity>(region, uploadId);
                if (record.HasValue && record.Value!.GetString("Status") is "completed" or "completed_with_errors" or "rejected" or "failed")
                {
                    return record.Value;
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The table appears with the first upload.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Upload {uploadId} did not finish in time.");
            }
            await Task.Delay(200);
        }
    }

    public async Task<JsonObject> FindingsReportAsync(string uploadId) =>
        JsonNode.Parse((await Reports.GetBlobClient($"{uploadId}/findings.json").DownloadContentAsync()).Value.Content.ToString())!.AsObject();

    public async Task<byte[]> ReportFileAsync(string uploadId, string name) =>
        (await Reports.GetBlobClient($"{uploadId}/{name}").DownloadContentAsync()).Value.Content.ToArray();

    public async Task<IReadOnlyList<TableEntity>> QueryAsync(string table, string filter)
    {
        var found = new List<TableEntity>();
        try
        {
            await foreach (var entity in Table(table).QueryAsync<TableEntity>(filter))
            {
                found.Add(entity);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return found;
    }

    /// <summary>Every participant of one agreement of a region (its partition).</summary>
    public Task<IReadOnlyList<TableEntity>> ParticipantsAsync(string region, string agreementKey) =>
        QueryAsync("participants", TableClient.CreateQueryFilter($"PartitionKey eq {region + "|" + agreementKey}"));
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}
