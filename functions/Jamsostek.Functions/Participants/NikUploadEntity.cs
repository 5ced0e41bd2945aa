using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>nikuploads</c>: which uploads have written to a NIK index partition. PartitionKey the partition (the
/// NIK's first six digits), RowKey the upload id. Written before the upload's first index entry there, so a chunk
/// that finds only its own upload in a partition knows no other enrolment of its NIKs can be stored there.
/// </summary>
public sealed class NikUploadEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string UploadId => RowKey;
}
