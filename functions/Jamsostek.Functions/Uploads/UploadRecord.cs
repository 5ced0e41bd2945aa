using Azure.Data.Tables;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// One upload in table <c>uploads</c>: PartitionKey the region code, RowKey the upload id (the region and a hash
/// of the content, so the same content uploaded again finds the same record; a duplicate's adds a hash of its blob
/// name, see <see cref="UploadIds"/>).
/// </summary>
public sealed class UploadRecord(TableEntity entity) : TableRecord(entity)
{
    public UploadRecord() : this(new TableEntity())
    {
        Status = UploadStatus.Received;
        // Counters are stored from the start, zero until counted, as readers of the table expect.
        ContentLength = 0;
        RowsRead = BlankRows = RowsChunked = Chunks = ChunkSize = 0;
        RowsAccepted = RowsRejected = Warnings = RowsUpdated = FailedAttempts = 0;
    }

    public string UploadId => RowKey;

    public string Region => PartitionKey;

    /// <summary>The blob name below the container, e.g. "5204/peserta-oktober.xlsx".</summary>
    public string BlobName { get => Text(); set => Set(value); }

    public string BlobETag { get => Text(); set => Set(value); }

    public string ContentSha256 { get => Text(); set => Set(value); }

    public long ContentLength { get => Int64(); set => Set(value); }

    public string Status { get => Text(UploadStatus.Received); set => Set(value); }

    /// <summary>One of <see cref="UploadKind"/>'s names, once the header is recognised (the column as stored; see <see cref="SheetKind"/>).</summary>
    public string? Kind { get => TextOrNull(); set => Set(value); }

    /// <summary>The kind of sheet the upload holds, once the header is recognised: <see cref="Kind"/> as a type.</summary>
    public SheetKind? SheetKind
    {
        get => UploadKind.Parse(Kind);
        set => Kind = value is { } kind ? UploadKind.NameOf(kind) : null;
    }

    /// <summary>A compliance snapshot's date (ISO): its "Tanggal Data", or the day it was received.</summary>
    public string? SnapshotDate { get => TextOrNull(); set => Set(value); }

    public string? Format { get => TextOrNull(); set => Set(value); }

    public string? Sheet { get => TextOrNull(); set => Set(value); }

    public int? HeaderRow { get => Int32OrNull(); set => Set(value); }

    public int RowsRead { get => Int32(); set => Set(value); }

    public int BlankRows { get => Int32(); set => Set(value); }

    public int RowsChunked { get => Int32(); set => Set(value); }

    public int Chunks { get => Int32(); set => Set(value); }

    public int ChunkSize { get => Int32(); set => Set(value); }

    /// <summary>Rows stored (warnings or not); <see cref="RowsRead"/> = <see cref="RowsAccepted"/> + <see cref="RowsRejected"/> once final.</summary>
    public int RowsAccepted { get => Int32(); set => Set(value); }

    public int RowsRejected { get => Int32(); set => Set(value); }

    public int Warnings { get => Int32(); set => Set(value); }

    /// <summary>Workers stored by an earlier upload under the same agreement whose values this upload changed.</summary>
    public int RowsUpdated { get => Int32(); set => Set(value); }

    /// <summary>The three most frequent error codes of the rejected rows, with counts ("NIK_FORMAT:3,DATE_FORMAT:1").</summary>
    public string? TopErrors { get => TextOrNull(); set => Set(value); }

    /// <summary>Why the upload is <see cref="UploadStatus.Failed"/>: a code of <see cref="UploadFailure"/> and its plain sentence (never an exception's text).</summary>
    public string? FailureCode { get => TextOrNull(); set => Set(value); }

    public string? FailureReason { get => TextOrNull(); set => Set(value); }

    public int FailedAttempts { get => Int32(); set => Set(value); }

    public DateTimeOffset? CompletedAt { get => MomentOrNull(); set => Set(value); }

    /// <summary>A duplicate's: the id of the upload that holds its content (its status is read from that record, never copied).</summary>
    public string? DuplicateOf { get => TextOrNull(); set => Set(value); }

    /// <summary>A duplicate's: the blob name of the upload that holds its content, e.g. "5204/peserta.xlsx".</summary>
    public string? DuplicateOfBlob { get => TextOrNull(); set => Set(value); }

    public string? RejectionCode { get => TextOrNull(); set => Set(value); }

    /// <summary>What the office reads, Bahasa Indonesia.</summary>
    public string? RejectionMessage { get => TextOrNull(); set => Set(value); }

    public string? RejectionMessageEn { get => TextOrNull(); set => Set(value); }

    public DateTimeOffset ReceivedAt { get => Moment(); set => Set(value); }

    public DateTimeOffset UpdatedAt { get => Moment(); set => Set(value); }
}
