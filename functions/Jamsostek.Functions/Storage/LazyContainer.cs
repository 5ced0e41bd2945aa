using Azure.Storage.Blobs;

namespace Jamsostek.Functions.Storage;

/// <summary>A blob container that is created on the first write (a new storage account has none).</summary>
public sealed class LazyContainer(BlobServiceClient blobs, string name)
{
    private int _created;

    public BlobContainerClient Client { get; } = blobs.GetBlobContainerClient(name);

    public async ValueTask<BlobContainerClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await Client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
        return Client;
    }

    public async Task UploadAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        await (await GetAsync(cancellationToken)).GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
}
