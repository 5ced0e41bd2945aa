using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Jamsostek.Core.Digest;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// Table <c>digestledger</c>: one row per recipient and digest week. PartitionKey the ISO week ("2026-W49"), RowKey
/// the recipient id. The row is the claim: a run inserts it before sending (409: another run has it), so a digest
/// goes out once however many runs, instances and retries there are; it then says sent or failed, how many attempts
/// were made, the last error (never an address or a name) and, once sent, what the digest said (for the next one's
/// "change since").
/// </summary>
public sealed class DigestLedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Week => PartitionKey;

    [IgnoreDataMember]
    public string RecipientId => RowKey;

    public string Region { get; set; } = "";

    /// <summary><see cref="DigestStatus"/>: sending, sent or failed.</summary>
    public string Status { get; set; } = DigestStatus.Sending;

    public int Attempts { get; set; }

    /// <summary>When the current (or last) attempt claimed the row, and which instance.</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public string ClaimedBy { get; set; } = "";

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The Message-ID the digest went out with: the same for every attempt of one recipient and week.</summary>
    public string? MessageId { get; set; }

    /// <summary>The figures sent (JSON of <see cref="DigestSnapshot"/>), once sent.</summary>
    public string? Snapshot { get; set; }

    [IgnoreDataMember]
    public DigestLedgerState State => new(Status, Attempts, ClaimedAt);
}
