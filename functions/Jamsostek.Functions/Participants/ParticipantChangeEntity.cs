using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>participantchanges</c>: a worker re-uploaded under the same agreement with different values.
/// PartitionKey the participant's partition, RowKey <c>{nik}|{uploadId}</c>: one record per worker per upload, so a
/// redelivered message writes the same record again.
/// </summary>
public sealed class ParticipantChangeEntity(TableEntity entity) : TableRecord(entity)
{
    public ParticipantChangeEntity() : this(new TableEntity())
    {
    }

    /// <summary>Field names, comma separated ("phone,coverage_end"); values are not copied here.</summary>
    public string ChangedFields { get => Text(); set => Set(value); }

    public string PreviousUploadId { get => Text(); set => Set(value); }

    public int PreviousSourceRow { get => Int32(); set => Set(value); }

    public string UploadId { get => Text(); set => Set(value); }

    public int SourceRow { get => Int32(); set => Set(value); }
}
