using Azure.Storage.Blobs;

namespace Jamsostek.Functions.Staging;

/// <summary>
/// Container <c>staging</c>: each upload's rows in chunk blobs <c>{uploadId}/chunk-00001.jsonl</c> (one JSON
/// object per row) and a manifest. Names depend only on the upload id and chunk number, so writing an upload
/// again overwrites the same blobs instead of adding a second set.
/// </summary>
public sealed class StagingStore(BlobServiceClient blobs)
{
    public const string ContainerName = "staging";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    private int _created;

    public static string ChunkBlobName(string uploadId, int chunk) => $"{uploadId}/chunk-{chunk:D5}.jsonl";

    public static string ManifestBlobName(string uploadId) => $"{uploadId}/manifest.json";

    public async Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
        await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    public async Task<BinaryData> ReadAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
}
