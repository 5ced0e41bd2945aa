using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.TestSupport;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// A blob as uploaded (its ETag and content hash at upload time), its upload as the office sees it through the API,
/// and the stored upload records holding its content in any region (for what only storage shows: whether a record
/// was written again, and what ingestion noted for validation, such as chunks and the header row).
/// </summary>
public sealed record Ingested(BlobClient Blob, ETag ETag, string ContentSha256, IReadOnlyList<TableEntity> Records)
{
    /// <summary>
    /// The region partition the upload's record belongs to: the folder's 4 digits ("52.04" is 5204), or "0000" for
    /// a folder that is no region code.
    /// </summary>
    public string Partition
    {
        get
        {
            var folder = Blob.Name[..Blob.Name.IndexOf('/')];
            var digits = folder.Length == 5 && folder[2] == '.' ? folder.Remove(2, 1) : folder;
            return digits.Length == 4 && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? digits : "0000";
        }
    }

    /// <summary>
    /// This blob's one record of this content in the upload's region: the upload holding the content, or the blob's
    /// duplicate record when another blob brought the content first; fails the test when there is none or more than one.
    /// </summary>
    public TableEntity Record => Assert.Single(Records, r => r.PartitionKey == Partition && r.GetString("BlobName") == Blob.Name);

    public string UploadId => Record.RowKey;

    /// <summary>This blob's upload as GET /api/uploads/{uploadId} shows it.</summary>
    public UploadSummary Summary
    {
        get => field ?? throw new InvalidOperationException($"{Blob.Name} has no upload record.");
        init;
    }

    /// <summary>The same in English (?lang=en).</summary>
    public UploadSummary SummaryEn
    {
        get => field ?? throw new InvalidOperationException($"{Blob.Name} has no upload record.");
        init;
    }

    public string Status => Summary.Status;

    public string? RejectionCode => Summary.RejectionCode;

    /// <summary>A count only the stored record holds (HeaderRow, Chunks, RowsChunked, ChunkSize).</summary>
    public int Count(string property) => Record.GetInt32(property) ?? throw new InvalidOperationException($"The record has no {property}.");
}
