using Azure.Storage.Blobs;

namespace Jamsostek.Functions.Reports;

/// <summary>
/// Container <c>reports</c>: per upload, the parts each chunk writes (<c>{uploadId}/parts/findings-00001.jsonl</c>,
/// <c>{uploadId}/parts/rejected-00001.jsonl</c>) and the office's files made from them when the upload is final
/// (<c>{uploadId}/findings.json</c>, <c>{uploadId}/rejected.xlsx</c>, <c>{uploadId}/rejected.csv</c>).
/// </summary>
public sealed class ReportStore(BlobServiceClient blobs)
{
    public const string ContainerName = "reports";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerName);
    private int _created;

    public static string FindingsPart(string uploadId, int chunk) => $"{uploadId}/parts/findings-{chunk:D5}.jsonl";

    public static string RejectedPart(string uploadId, int chunk) => $"{uploadId}/parts/rejected-{chunk:D5}.jsonl";

    public static string FindingsReport(string uploadId) => $"{uploadId}/findings.json";

    public static string RejectedXlsx(string uploadId) => $"{uploadId}/rejected.xlsx";

    public static string RejectedCsv(string uploadId) => $"{uploadId}/rejected.csv";

    public async Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    /// <summary>A part's content, or empty when the chunk wrote none (nothing to report).</summary>
    public async Task<BinaryData> ReadPartAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return BinaryData.Empty;
        }
    }

    public async Task<Stream> OpenWriteAsync(string blobName, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        return await _container.GetBlobClient(blobName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
    }

    public BlobClient Blob(string blobName) => _container.GetBlobClient(blobName);

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
    }
}
