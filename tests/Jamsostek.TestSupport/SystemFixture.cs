using System.Net.Http.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.FunctionsHost;
using Jamsostek.LocalHost;
using Jamsostek.LocalHost.DevServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.TestSupport;

/// <summary>
/// The app as it runs locally: the dev services on free ports (Azurite in memory, MailDev when the system wants it),
/// started from the repository's node_modules, and the app's build output under the local host. One per test
/// collection (a collection fixture); test projects derive their system from it for what they set or load.
/// </summary>
public class SystemFixture(string hostId) : IAsyncLifetime
{
    public const string MasterKey = "local-system-master-key";

    /// <summary>The app's development key (every region, personal data), as local.settings.json carries one.</summary>
    public const string DevKey = "local-system-dev-key";

    private readonly List<LocalFunctionsHost> _extraHosts = [];
    private DevServices? _services;
    private MailDev? _mail;
    private HttpClient? _api;
    private string? _scriptRootCopy;

    public string HostId => hostId;

    public LocalFunctionsHost Host { get; private set; } = null!;

    /// <summary>What the main host logged (its own lines and the app's), for waiting on outcomes and checking what logs hold.</summary>
    public CapturedLogs HostLogs { get; } = new();

    /// <summary>Azurite itself, for the tests' own reads and writes.</summary>
    public string ConnectionString => _services!.StorageConnectionString;

    public DevServicesOptions ServiceOptions => _services!.Options;

    public int SmtpPort => _services!.SmtpPort;

    public MailDev Mail => _mail ?? throw new InvalidOperationException("This system runs without MailDev.");

    /// <summary>The folder the hosts run: the app's build output, or a copy of it with fast queue retries.</summary>
    public string ScriptRoot => _scriptRootCopy ?? RepositoryPaths.FunctionAppOutput;

    /// <summary>The main host's uploads as the office reads them, with the development key.</summary>
    public UploadsApi UploadsApi => new(_api!);

    public BlobContainerClient Uploads => Container("uploads");

    public BlobContainerClient Container(string name) => new BlobServiceClient(ConnectionString).GetBlobContainerClient(name);

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    public QueueClient Queue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>Whether MailDev runs beside Azurite (and the hosts send mail to it).</summary>
    protected virtual bool WithMailDev => false;

    /// <summary>
    /// Whether the hosts run a copy of the build whose host.json makes a failed queue message visible again after one
    /// second instead of ten, so retries and crashes take seconds.
    /// </summary>
    protected virtual bool WithFastRetries => false;

    /// <summary>The storage the hosts use; by default Azurite itself.</summary>
    protected virtual string HostStorage => ConnectionString;

    /// <summary>What this system's hosts set beyond storage, host id and keys; a null value removes a setting.</summary>
    protected virtual IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _services = await DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, WithMailDev, NullLogger.Instance);
        if (WithMailDev)
        {
            _mail = new MailDev(_services.MailDevWebAddress);
        }
        if (WithFastRetries)
        {
            _scriptRootCopy = FunctionAppCopy.WithFastRetries(RepositoryPaths.FunctionAppOutput, hostId);
        }
        await BeforeHostsAsync();
        await StartMainHostAsync();
        await Uploads.CreateIfNotExistsAsync();
        await LoadAsync();
    }

    /// <summary>Runs once the dev services are up, before any host starts (a proxy in front of storage, say).</summary>
    protected virtual Task BeforeHostsAsync() => Task.CompletedTask;

    /// <summary>Runs once the main host is up: the data every test of the collection counts on.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _extraHosts)
        {
            await host.DisposeAsync();
        }
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        _api?.Dispose();
        _mail?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_scriptRootCopy is not null)
        {
            Directory.Delete(_scriptRootCopy, recursive: true);
        }
    }

    /// <summary>The settings a host of this system runs with; <paramref name="overrides"/> win (a null value removes a setting).</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = HostStorage,
            ["AzureFunctionsWebHost__hostid"] = hostId,
            ["LocalHostMasterKey"] = MasterKey,
            ["JamsostekDevKey"] = DevKey,
        };
        if (WithMailDev)
        {
            settings["Smtp__Host"] = "127.0.0.1";
            settings["Smtp__Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp__Security"] = "None";
            settings["Smtp__TimeoutSeconds"] = "10";
        }
        foreach (var (key, value) in HostSettings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The main host stopped (invocations in flight cancelled, its worker killed) and a new one started on the same storage and script root.</summary>
    public async Task RestartHostAsync()
    {
        await Host.DisposeAsync();
        await StartMainHostAsync();
    }

    /// <summary>Another host on the same storage (disposed with the system unless the test stops it first).</summary>
    public async Task<LocalFunctionsHost> StartHostAsync(CapturedLogs logs, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var host = await StartHostCoreAsync(logs, overrides);
        _extraHosts.Add(host);
        return host;
    }

    public async Task StopHostAsync(LocalFunctionsHost host)
    {
        _extraHosts.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>A client of the main host with this function key (none when null).</summary>
    public HttpClient CreateClient(string? key) => CreateClient(Host, key);

    /// <summary>The master key's client: operator routes and the host's admin API.</summary>
    public HttpClient Admin(LocalFunctionsHost? host = null) => CreateClient(host ?? Host, MasterKey);

    /// <summary>The development key's client: every region, personal data.</summary>
    public HttpClient Api() => CreateClient(Host, DevKey);

    /// <summary>Uploads a file as an office would: uploads/{region}/{name}.</summary>
    public async Task<BlobClient> UploadAsync(string region, string name, byte[] content)
    {
        var blob = Uploads.GetBlobClient($"{region}/{name}");
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }

    /// <summary>Uploads a file as an office would, without waiting for it; returns the id the app gives its upload.</summary>
    public async Task<string> StartUploadAsync(string region, string name, byte[] content)
    {
        await UploadAsync(region, name, content);
        return UploadIds.Of(region, content);
    }

    /// <summary>Uploads the file and waits until its upload is final; returns the upload as the API shows it.</summary>
    public async Task<UploadSummary> UploadAndWaitAsync(string region, string name, byte[] content, TimeSpan? timeout = null)
    {
        await UploadAsync(region, name, content);
        return await UploadsApi.WaitForFinalAsync(UploadIds.Of(region, content), timeout);
    }

    /// <summary>Uploads a file from disk, streamed (for sheets too large to hold), and waits until its upload is final.</summary>
    public async Task<UploadSummary> UploadFileAndWaitAsync(string region, string name, string path, TimeSpan? timeout = null)
    {
        var uploadId = await UploadIds.OfFileAsync(region, path);
        await Uploads.GetBlobClient($"{region}/{name}").UploadAsync(path, overwrite: true);
        return await UploadsApi.WaitForFinalAsync(uploadId, timeout);
    }

    /// <inheritdoc cref="UploadsApi.WaitForFinalAsync(string, TimeSpan?)"/>
    public Task<UploadSummary> WaitForFinalAsync(string uploadId, TimeSpan? timeout = null) => UploadsApi.WaitForFinalAsync(uploadId, timeout);

    /// <summary>
    /// Waits until IngestUpload has settled on this version of the blob: its blob receipt is complete, which the host
    /// marks only after the function returned and its queue messages were written.
    /// </summary>
    public async Task WaitForIngestionAsync(BlobClient blob, ETag etag, TimeSpan? timeout = null)
    {
        var receipt = Container("azure-webjobs-hosts")
            .GetBlobClient($"blobreceipts/{hostId}/Host.Functions.IngestUpload/{etag:H}/{blob.BlobContainerName}/{blob.Name}");
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete");
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false; // not seen by the blob scan yet
            }
        }, timeout ?? TimeSpan.FromSeconds(60), $"IngestUpload settles on {blob.Name} (ETag {etag})");
    }

    /// <inheritdoc cref="WaitForIngestionAsync(BlobClient, ETag, TimeSpan?)"/>
    public async Task WaitForIngestionAsync(string blobName, TimeSpan? timeout = null)
    {
        var blob = Uploads.GetBlobClient(blobName);
        await WaitForIngestionAsync(blob, (await blob.GetPropertiesAsync()).Value.ETag, timeout);
    }

    /// <summary>Every entity of a table that matches (none while the table does not exist).</summary>
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
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
        return found;
    }

    /// <summary>Creates an office's key through the operator route; returns the key.</summary>
    public async Task<string> CreateKeyAsync(string name, string[] regions, bool pii, bool upload = false)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("api/manage/keys", new { name, regions, pii, upload });
        response.EnsureSuccessStatusCode();
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }

    private async Task StartMainHostAsync()
    {
        Host = await StartHostCoreAsync(HostLogs, null);
        _api?.Dispose();
        _api = Api();
    }

    private async Task<LocalFunctionsHost> StartHostCoreAsync(CapturedLogs logs, IReadOnlyDictionary<string, string?>? overrides) =>
        await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = ScriptRoot,
            Settings = Settings(overrides),
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            TimerLockRetryInterval = TimeSpan.FromSeconds(1),
            LoggerFactory = logs.Factory(),
        });

    private static HttpClient CreateClient(LocalFunctionsHost host, string? key)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }
        return client;
    }
}
