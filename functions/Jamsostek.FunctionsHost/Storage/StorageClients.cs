using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.FunctionsHost.App;

namespace Jamsostek.FunctionsHost.Storage;

/// <summary>
/// Clients for the storage accounts bindings name, created once per connection. The host's own
/// account (AzureWebJobsStorage) also holds receipts, timer status, locks and the blob trigger's queue.
/// </summary>
public sealed class StorageClients(AppSettings settings, QueueHostOptions queueOptions)
{
    public const string HostContainer = "azure-webjobs-hosts";

    private readonly ConcurrentDictionary<string, BlobServiceClient> _blobServices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, QueueServiceClient> _queueServices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string, string), Lazy<Task<QueueClient>>> _createdQueues = new();

    public BlobServiceClient Blobs(string connection = "") =>
        _blobServices.GetOrAdd(connection, c => new BlobServiceClient(settings.ConnectionString(c)));

    public QueueServiceClient Queues(string connection = "") =>
        _queueServices.GetOrAdd(connection, c => new QueueServiceClient(settings.ConnectionString(c), new QueueClientOptions
        {
            MessageEncoding = queueOptions.Base64Messages ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
        }));

    public BlobContainerClient HostBlobs => Blobs().GetBlobContainerClient(HostContainer);

    /// <summary>A queue that exists: created on first use, as the host creates output and poison queues.</summary>
    public Task<QueueClient> QueueAsync(string connection, string name, CancellationToken cancellationToken = default) =>
        _createdQueues.GetOrAdd((connection.ToLowerInvariant(), name), key => new Lazy<Task<QueueClient>>(async () =>
        {
            var queue = Queues(connection).GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return queue;
        })).Value.WaitAsync(cancellationToken);

    public async Task<BlobContainerClient> HostContainerAsync(CancellationToken cancellationToken = default)
    {
        var container = HostBlobs;
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return container;
    }
}
