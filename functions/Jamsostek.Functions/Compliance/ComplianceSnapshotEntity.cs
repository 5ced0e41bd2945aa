using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Compliance;

/// <summary>
/// Table <c>compliancesnapshots</c>: the region's snapshots by date. PartitionKey the region, RowKey the snapshot date
/// (ISO, so a partition reads oldest first); the upload that holds its employers and the totals the digest charts.
/// A sheet uploaded again for the same date (corrected) takes the date over; the earlier upload's rows stay stored.
/// </summary>
public sealed class ComplianceSnapshotEntity(TableEntity entity) : TableRecord(entity)
{
    public ComplianceSnapshotEntity() : this(new TableEntity())
    {
    }

    public string Region { get => PartitionKey; set => PartitionKey = value; }

    public string SnapshotDate { get => RowKey; set => RowKey = value; }

    public string UploadId { get => Text(); set => Set(value); }

    public string BlobName { get => Text(); set => Set(value); }

    /// <summary>When the upload holding it was received: of two uploads for one date, the later received one counts.</summary>
    public DateTimeOffset ReceivedAt { get => Moment(); set => Set(value); }

    public int Employers { get => Int32(); set => Set(value); }

    public int EmployersInArrears { get => Int32(); set => Set(value); }

    public double OwedIdr { get => DoubleOrNull() ?? 0; set => Set(value); }

    /// <summary>Workers reported by the employers not in arrears: the universal-coverage view counts them as covered.</summary>
    public long CompliantReportedWorkers { get => Int64(); set => Set(value); }
}
