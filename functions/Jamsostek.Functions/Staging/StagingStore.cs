using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Staging;

/// <summary>
/// Container <c>staging</c>: each upload's rows in chunk blobs <c>{uploadId}/chunk-00001.jsonl</c> (one JSON
/// object per row) and a manifest. Names depend only on the upload id and chunk number, so writing an upload
/// again overwrites the same blobs instead of adding a second set.
/// </summary>
public sealed class StagingStore(BlobServiceClient blobs)
{
    public const string ContainerName = "staging";

    private readonly LazyContainer _lazy = new(blobs, ContainerName);

    private BlobContainerClient Container => _lazy.Client;

    public static string ChunkBlobName(string uploadId, int chunk) => $"{uploadId}/chunk-{chunk:D5}.jsonl";

    public static string ManifestBlobName(string uploadId) => $"{uploadId}/manifest.json";

    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _lazy.UploadAsync(blobName, content, cancellationToken);

    /// <summary>Deletes every staging blob of an upload: the chunks of a file that turned out unusable further down.</summary>
    public async Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = uploadId + "/" }, cancellationToken))
            {
                await Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: nothing was staged.
        }
    }

    public async Task<BinaryData> ReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
}
