using Azure.Storage.Blobs;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Reports;

/// <summary>
/// Container <c>reports</c>: per upload, the parts each chunk writes (<c>{uploadId}/parts/findings-00001.jsonl</c>,
/// <c>{uploadId}/parts/rejected-00001.jsonl</c>) and the office's files made from them when the upload is final
/// (<see cref="ReportBlobNames"/>).
/// </summary>
public sealed class ReportStore(BlobServiceClient blobs)
{
    private readonly LazyContainer _lazy = new(blobs, ReportBlobNames.Container);

    private BlobContainerClient Container => _lazy.Client;

    public static string FindingsPart(string uploadId, int chunk) => $"{uploadId}/parts/findings-{chunk:D5}.jsonl";

    public static string RejectedPart(string uploadId, int chunk) => $"{uploadId}/parts/rejected-{chunk:D5}.jsonl";

    public Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _lazy.UploadAsync(blobName, content, cancellationToken);

    /// <summary>A part's content, or empty when the chunk wrote none (nothing to report).</summary>
    public async Task<BinaryData> ReadPartAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return BinaryData.Empty;
        }
    }

    public async Task<Stream> OpenWriteAsync(string blobName, CancellationToken cancellationToken = default) =>
        await (await _lazy.GetAsync(cancellationToken)).GetBlobClient(blobName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);

    public BlobClient Blob(string blobName) => Container.GetBlobClient(blobName);
}
