using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>participantchanges</c>: a worker re-uploaded under the same agreement with different values.
/// PartitionKey the participant's partition, RowKey <c>{nik}|{uploadId}</c>: one record per worker per upload, so a
/// redelivered message writes the same record again.
/// </summary>
public sealed class ParticipantChangeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Field names, comma separated ("phone,coverage_end"); values are not copied here.</summary>
    public string ChangedFields { get; set; } = "";

    public string PreviousUploadId { get; set; } = "";

    public int PreviousSourceRow { get; set; }

    public string UploadId { get; set; } = "";

    public int SourceRow { get; set; }
}
