using Azure.Data.Tables;
using Jamsostek.Core.Digest;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// Table <c>digestledger</c>: one row per recipient and digest week. PartitionKey the ISO week ("2026-W49"), RowKey
/// the recipient id. The row is the claim: a run inserts it before sending (409: another run has it), so a digest
/// goes out once however many runs, instances and retries there are; it then says sent or failed, how many attempts
/// were made, the last error (never an address or a name) and, once sent, what the digest said (for the next one's
/// "change since").
/// </summary>
public sealed class DigestLedgerEntity(TableEntity entity) : TableRecord(entity)
{
    public DigestLedgerEntity() : this(new TableEntity())
    {
        Status = DigestStatus.Sending;
    }

    public string Week => PartitionKey;

    public string RecipientId => RowKey;

    public string Region { get => Text(); set => Set(value); }

    /// <summary><see cref="DigestStatus"/>: sending, sent or failed.</summary>
    public string Status { get => Text(DigestStatus.Sending); set => Set(value); }

    public int Attempts { get => Int32(); set => Set(value); }

    /// <summary>When the current (or last) attempt claimed the row, and which instance.</summary>
    public DateTimeOffset ClaimedAt { get => Moment(); set => Set(value); }

    public string ClaimedBy { get => Text(); set => Set(value); }

    public DateTimeOffset? SentAt { get => MomentOrNull(); set => Set(value); }

    public DateTimeOffset? FailedAt { get => MomentOrNull(); set => Set(value); }

    public string? LastError { get => TextOrNull(); set => Set(value); }

    /// <summary>The Message-ID the digest went out with: the same for every attempt of one recipient and week.</summary>
    public string? MessageId { get => TextOrNull(); set => Set(value); }

    /// <summary>The figures sent (JSON of <see cref="DigestSnapshot"/>), once sent.</summary>
    public string? Snapshot { get => TextOrNull(); set => Set(value); }

    public DigestLedgerState State => new(Status, Attempts, ClaimedAt);
}
