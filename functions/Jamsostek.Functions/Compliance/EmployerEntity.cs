using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Compliance;

/// <summary>
/// Table <c>employers</c>: one employer of one compliance snapshot. PartitionKey the upload id (a snapshot is one
/// partition, read in one query and written in transactions of 100), RowKey the NPP, so a redelivered chunk writes the
/// same entities again. Amounts are whole rupiah as numbers (Table Storage has no decimal).
/// </summary>
public sealed class EmployerEntity(TableEntity entity) : TableRecord(entity)
{
    public EmployerEntity() : this(new TableEntity())
    {
    }

    public string Npp { get => RowKey; set => RowKey = value; }

    public string Region { get => Text(); set => Set(value); }

    public string SnapshotDate { get => Text(); set => Set(value); }

    public string CompanyName { get => Text(); set => Set(value); }

    public string? Sector { get => TextOrNull(); set => Set(value); }

    public string? District { get => TextOrNull(); set => Set(value); }

    public int? RegisteredWorkers { get => Int32OrNull(); set => Set(value); }

    public int? ReportedWorkers { get => Int32OrNull(); set => Set(value); }

    public int? ArrearsMonths { get => Int32OrNull(); set => Set(value); }

    public double? ArrearsIdr { get => DoubleOrNull(); set => Set(value); }

    public string? LastPaidOn { get => TextOrNull(); set => Set(value); }

    public string? FollowupStatus { get => TextOrNull(); set => Set(value); }

    public string? FollowupOn { get => TextOrNull(); set => Set(value); }

    public string? Note { get => TextOrNull(); set => Set(value); }

    public int SourceRow { get => Int32(); set => Set(value); }

    public static EmployerEntity From(Employer employer, string uploadId, int sourceRow) => new()
    {
        PartitionKey = uploadId,
        Npp = employer.Npp,
        Region = employer.Region,
        SnapshotDate = IsoDate.Format(employer.SnapshotDate),
        CompanyName = employer.CompanyName,
        Sector = employer.Sector,
        District = employer.District,
        RegisteredWorkers = employer.RegisteredWorkers,
        ReportedWorkers = employer.ReportedWorkers,
        ArrearsMonths = employer.ArrearsMonths,
        ArrearsIdr = (double?)employer.ArrearsIdr,
        LastPaidOn = IsoDate.Format(employer.LastPaidOn),
        FollowupStatus = employer.FollowupStatus,
        FollowupOn = IsoDate.Format(employer.FollowupOn),
        Note = employer.Note,
        SourceRow = sourceRow,
    };

    public Employer ToEmployer() => new()
    {
        Npp = Npp,
        CompanyName = CompanyName,
        Region = Region,
        SnapshotDate = IsoDate.Parse(SnapshotDate)!.Value,
        Sector = Sector,
        District = District,
        RegisteredWorkers = RegisteredWorkers,
        ReportedWorkers = ReportedWorkers,
        ArrearsMonths = ArrearsMonths,
        ArrearsIdr = (decimal?)ArrearsIdr,
        LastPaidOn = IsoDate.Parse(LastPaidOn),
        FollowupStatus = FollowupStatus,
        FollowupOn = IsoDate.Parse(FollowupOn),
        Note = Note,
    };
}
