using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// Receipts as the host keeps them: <c>azure-webjobs-hosts/blobreceipts/{hostId}/{function}/{ETag}/{container}/{blob}</c>,
/// marked "Incomplete" until the function succeeds, so each blob version is processed once, across restarts.
/// A blob whose name is too long for that layout (a blob name has at most 1,024 characters) gets its receipt under
/// the SHA-256 of its name instead: the Functions host has no answer for such names (azure-webjobs-sdk#189), and
/// without one the blob would never run.
/// </summary>
internal sealed class BlobReceipts(BlobContainerClient hostContainer, string hostId)
{
    private const string IncompleteKey = "Incomplete";
    private const int MaxBlobNameLength = 1024;

    public BlobClient Receipt(string functionFullName, string etag, string container, string blobName)
    {
        var name = $"blobreceipts/{hostId}/{functionFullName}/{etag}/{container}/{blobName}";
        return hostContainer.GetBlobClient(name.Length <= MaxBlobNameLength ? name
            : $"blobreceipts/{hostId}/{functionFullName}/{etag}/{container}/sha256-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))}");
    }

    /// <summary>Null when there is no receipt, else whether the function completed for this version.</summary>
    public static async Task<bool?> IsCompleteAsync(BlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await receipt.GetPropertiesAsync(cancellationToken: cancellationToken);
            return !properties.Value.Metadata.ContainsKey(IncompleteKey);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Creates an incomplete receipt; false when another instance created it first.</summary>
    public static async Task<bool> TryCreateAsync(BlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            await receipt.UploadAsync(BinaryData.FromString(""), new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [IncompleteKey] = "true" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public static Task MarkCompleteAsync(BlobClient receipt, string leaseId, CancellationToken cancellationToken) =>
        receipt.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
}
