using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Storage.Blobs;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Text;
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

    /// <summary>
    /// Every finding of an upload as the chunks stored it, in order: part 0 holds the upload-level findings (a quota
    /// exceeded), parts 1..<paramref name="chunks"/> the chunks'. One part is in memory at a time.
    /// </summary>
    public async IAsyncEnumerable<Finding> FindingsAsync(string uploadId, int chunks,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var chunk = 0; chunk <= chunks; chunk++)
        {
            var part = await ReadPartAsync(FindingsPart(uploadId, chunk), cancellationToken);
            foreach (var line in JsonLines.Split(part.ToMemory()))
            {
                yield return JsonSerializer.Deserialize(line.Span, ReportPartJsonContext.Default.Finding)!;
            }
        }
    }

    public async Task<Stream> OpenWriteAsync(string blobName, CancellationToken cancellationToken = default) =>
        await (await _lazy.GetAsync(cancellationToken)).GetBlobClient(blobName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);

    public BlobClient Blob(string blobName) => Container.GetBlobClient(blobName);
}
