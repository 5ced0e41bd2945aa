using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// One upload in table <c>uploads</c>: PartitionKey the region code, RowKey the upload id (the region and a hash
/// of the content, so the same content uploaded again finds the same record).
/// </summary>
public sealed class UploadRecord : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string UploadId => RowKey;

    public string Region => PartitionKey;

    /// <summary>The blob name below the container, e.g. "5204/peserta-oktober.xlsx".</summary>
    public string BlobName { get; set; } = "";

    public string BlobETag { get; set; } = "";

    public string ContentSha256 { get; set; } = "";

    public long ContentLength { get; set; }

    public string Status { get; set; } = UploadStatus.Received;

    public string? Kind { get; set; }

    public string? Format { get; set; }

    public string? Sheet { get; set; }

    public int? HeaderRow { get; set; }

    public int RowsRead { get; set; }

    public int BlankRows { get; set; }

    public int RowsChunked { get; set; }

    public int Chunks { get; set; }

    public int ChunkSize { get; set; }

    /// <summary>Rows stored (warnings or not); <see cref="RowsRead"/> = <see cref="RowsAccepted"/> + <see cref="RowsRejected"/> once final.</summary>
    public int RowsAccepted { get; set; }

    public int RowsRejected { get; set; }

    public int Warnings { get; set; }

    /// <summary>Workers stored by an earlier upload under the same agreement whose values this upload changed.</summary>
    public int RowsUpdated { get; set; }

    /// <summary>The three most frequent error codes of the rejected rows, with counts ("NIK_FORMAT:3,DATE_FORMAT:1").</summary>
    public string? TopErrors { get; set; }

    /// <summary>Why the upload is failed (for operators; no personal data) and on which attempt it gave up.</summary>
    public string? FailureReason { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? RejectionCode { get; set; }

    /// <summary>What the office reads, Bahasa Indonesia.</summary>
    public string? RejectionMessage { get; set; }

    public string? RejectionMessageEn { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
