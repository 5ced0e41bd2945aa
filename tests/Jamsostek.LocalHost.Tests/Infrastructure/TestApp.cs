using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>
/// The tests' function app (TestApp/ in the output) with names of its own: every container, queue and host id
/// is unique to one test, so tests share one Azurite without seeing each other's blobs, messages or locks.
/// </summary>
public sealed class TestApp(AzuriteFixture azurite)
{
    public static string ScriptRoot => Path.Combine(AppContext.BaseDirectory, "TestApp");

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public string HostId => $"test-{_suffix}";

    public string BlobContainer => $"uploads-{_suffix}";

    public string FailContainer => $"broken-{_suffix}";

    public string WorkQueue => $"work-{_suffix}";

    public string OutQueue => $"out-{_suffix}";

    public const string MasterKey = "test-master-key";

    public const string FunctionKey = "test-function-key";

    /// <summary>Yearly: present but quiet, unless a test sets its own schedule.</summary>
    public string TickSchedule { get; set; } = "0 0 0 1 1 *";

    public Dictionary<string, string?> ExtraSettings { get; } = [];

    public BlobServiceClient Blobs => new(azurite.ConnectionString);

    public QueueClient Queue(string name) =>
        new(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public Task<LocalFunctionsHost> StartHostAsync(TestHandler handler, string? scriptRoot = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["AzureFunctionsWebHost__hostid"] = HostId,
            ["BlobContainer"] = BlobContainer,
            ["FailContainer"] = FailContainer,
            ["WorkQueue"] = WorkQueue,
            ["OutQueue"] = OutQueue,
            ["TickSchedule"] = TickSchedule,
            ["LocalHostMasterKey"] = MasterKey,
            ["LocalHostFunctionKey"] = FunctionKey,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        return LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = scriptRoot ?? ScriptRoot,
            Settings = settings,
            ReadEnvironment = false,
            Handler = handler,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(200),
            TimerLockRetryInterval = TimeSpan.FromMilliseconds(500),
            LoggerFactory = NullLoggerFactory.Instance,
        });
    }

    public async Task<BlobClient> UploadAsync(string container, string name, string content)
    {
        var containerClient = Blobs.GetBlobContainerClient(container);
        await containerClient.CreateIfNotExistsAsync();
        var blob = containerClient.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true);
        return blob;
    }

    /// <summary>Every message on a queue, read without removing them.</summary>
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
}
