using Jamsostek.TestSupport;
using System.Reflection;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Jamsostek.FunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>
/// The test worker (Jamsostek.FunctionsHost.TestWorker's build output) with names of its own: every container, queue,
/// host id and recordings folder is unique to one test, so tests share one Azurite without seeing each other's blobs,
/// messages, receipts or locks.
/// </summary>
public sealed class TestWorkerApp : IDisposable
{
    public const string MasterKey = "test-master-key";

    public const string FunctionKey = "test-function-key";

    private readonly AzuriteFixture _azurite;
    private readonly ILoggerFactory _loggers;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public TestWorkerApp(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _loggers = TestLogging.For(output);
        Scratch = Path.Combine(Path.GetTempPath(), "jamsostek-functionshost-tests", _suffix);
        Directory.CreateDirectory(Scratch);
        var recordings = Path.Combine(Scratch, "recordings");
        Directory.CreateDirectory(recordings);
        Recordings = new Recordings(recordings);
    }

    /// <summary>The worker's build output: host.json, worker.config.json, functions.metadata and the worker itself.</summary>
    public static string ScriptRoot { get; } =
        typeof(TestWorkerApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JamsostekTestWorkerOutput").Value!;

    /// <summary>A folder of this test's own (recordings, crash markers), deleted when the test ends.</summary>
    public string Scratch { get; }

    public Recordings Recordings { get; }

    public string HostId => $"test-{_suffix}";

    public string BlobContainer => $"uploads-{_suffix}";

    public string LargeContainer => $"large-{_suffix}";

    public string FailContainer => $"broken-{_suffix}";

    public string WorkQueue => $"work-{_suffix}";

    public string MessageQueue => $"messages-{_suffix}";

    public string OutQueue => $"out-{_suffix}";

    /// <summary>The queue the blob trigger queues its work on.</summary>
    public string BlobTriggerQueue => $"azure-webjobs-blobtrigger-{HostId}";

    /// <summary>Yearly: present but quiet, unless a test sets its own schedule (null leaves the setting undefined).</summary>
    public string? TickSchedule { get; set; } = "0 0 0 1 1 *";

    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>The Functions host's defaults unless a test needs faster restarts.</summary>
    public WorkerRestartPolicy WorkerRestart { get; set; } = new();

    public BlobServiceClient Blobs => new(_azurite.ConnectionString);

    /// <summary>A blob in the host's own container (receipts, timer status, locks).</summary>
    public BlobClient HostBlob(string name) => Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient(name);

    public QueueClient Queue(string name) =>
        new(_azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public Task<LocalFunctionsHost> StartHostAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["AzureFunctionsWebHost__hostid"] = HostId,
            ["BlobContainer"] = BlobContainer,
            ["LargeContainer"] = LargeContainer,
            ["FailContainer"] = FailContainer,
            ["WorkQueue"] = WorkQueue,
            ["MessageQueue"] = MessageQueue,
            ["OutQueue"] = OutQueue,
            ["RecordingsDirectory"] = Recordings.Folder,
            ["LocalHostMasterKey"] = MasterKey,
            ["LocalHostFunctionKey"] = FunctionKey,
        };
        if (TickSchedule is not null)
        {
            settings["TickSchedule"] = TickSchedule;
        }
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        return LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = ScriptRoot,
            Settings = settings,
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(200),
            TimerLockRetryInterval = TimeSpan.FromMilliseconds(500),
            WorkerRestart = WorkerRestart,
            LoggerFactory = _loggers,
        });
    }

    public static HttpClient Client(LocalFunctionsHost host) => new() { BaseAddress = host.BaseAddress };

    public async Task<BlobClient> UploadAsync(string container, string name, string content, IDictionary<string, string>? metadata = null)
    {
        var containerClient = Blobs.GetBlobContainerClient(container);
        await containerClient.CreateIfNotExistsAsync();
        var blob = containerClient.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(content), new BlobUploadOptions { Metadata = metadata });
        return blob;
    }

    public async Task<QueueClient> CreatedQueueAsync(string name)
    {
        var queue = Queue(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>Every visible message on a queue, read without removing them.</summary>
    public async Task<IReadOnlyList<string>> PeekAllAsync(string queueName)
    {
        var queue = Queue(queueName);
        if (!await queue.ExistsAsync())
        {
            return [];
        }
        var messages = await queue.PeekMessagesAsync(32);
        return [.. messages.Value.Select(m => m.Body.ToString())];
    }

    /// <summary>Messages on the queue, the invisible ones (being processed) included: 0 once every message is deleted.</summary>
    public async Task<int> MessageCountAsync(string queueName)
    {
        var queue = Queue(queueName);
        return await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    /// <summary>
    /// Whether the blob trigger's receipt for this version of the blob says the function completed: null without a
    /// receipt.
    /// </summary>
    public async Task<bool?> ReceiptCompleteAsync(string function, BlobClient blob, string? receiptBlobName = null)
    {
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString("H");
        var receipt = HostBlob($"blobreceipts/{HostId}/Host.Functions.{function}/{etag}/{blob.BlobContainerName}/{receiptBlobName ?? blob.Name}");
        return await receipt.ExistsAsync() ? !(await receipt.GetPropertiesAsync()).Value.Metadata.ContainsKey("Incomplete") : null;
    }

    public void Dispose()
    {
        _loggers.Dispose();
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A worker of a host that failed to stop may still write here; the temp folder is cleaned by the system.
        }
    }
}
