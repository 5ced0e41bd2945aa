using Azure.Storage.Blobs;
using Jamsostek.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.IngestUpload;

/// <summary>
/// IngestUpload (blob trigger on uploads/{region}/{name}, Event Grid in Azure): reads the sheet into staged chunks and
/// queues one validation message per chunk (its return value, on queue <c>validation</c>). The blob is bound as the
/// SDK's BlobClient and read from storage by <see cref="BlobIngestion"/>, streamed; no content travels in the
/// invocation.
/// </summary>
public sealed class IngestUploadFunction(BlobIngestion ingestion)
{
    public const string Name = "IngestUpload";

    [Function(Name)]
    [QueueOutput(QueueNames.Validation)]
    public Task<string[]> RunAsync(
        [BlobTrigger("uploads/{region}/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob, string region, string name,
        CancellationToken cancellationToken) =>
        ingestion.IngestAsync(blob, region, name, cancellationToken);
}
