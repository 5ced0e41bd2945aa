using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>participants</c>: PartitionKey <c>{region}|{agreement key}</c>, RowKey the NIK. One agreement's workers
/// are one partition: an upload's rows go in transactions of 100, a participants export of an agreement is one
/// partition read, a region's is one key range (<c>{region}|</c> to <c>{region}}</c>). The same NIK uploaded again under
/// the same agreement lands on the same entity: updated, never duplicated.
/// </summary>
public sealed class ParticipantEntity(TableEntity entity) : TableRecord(entity)
{
    public ParticipantEntity() : this(new TableEntity())
    {
    }

    public string Region { get => Text(); set => Set(value); }

    public string AgreementNo { get => Text(); set => Set(value); }

    public string FullName { get => Text(); set => Set(value); }

    public string? BirthPlace { get => TextOrNull(); set => Set(value); }

    public string BirthDate { get => Text(); set => Set(value); }

    public string Gender { get => Text(); set => Set(value); }

    public string? Address { get => TextOrNull(); set => Set(value); }

    public string? Village { get => TextOrNull(); set => Set(value); }

    public string? District { get => TextOrNull(); set => Set(value); }

    public string? Phone { get => TextOrNull(); set => Set(value); }

    public string? Occupation { get => TextOrNull(); set => Set(value); }

    public string? Segment { get => TextOrNull(); set => Set(value); }

    public string CoverageStart { get => Text(); set => Set(value); }

    public string CoverageEnd { get => Text(); set => Set(value); }

    public double? MonthlyIncomeIdr { get => DoubleOrNull(); set => Set(value); }

    public string Programs { get => Text(); set => Set(value); }

    public string? Kpj { get => TextOrNull(); set => Set(value); }

    /// <summary>A hash of the worker's data fields: a re-upload with the same values changes nothing.</summary>
    public string Fingerprint { get => Text(); set => Set(value); }

    public string UploadId { get => Text(); set => Set(value); }

    public int SourceRow { get => Int32(); set => Set(value); }

    /// <summary>When this upload changed a worker an earlier upload stored: that upload's id.</summary>
    public string? ReplacedUploadId { get => TextOrNull(); set => Set(value); }

    public string Nik => RowKey;

    public static string PartitionOf(string region, string agreementNo) => TableKeys.Join(region, AgreementEntity.RowKeyOf(agreementNo));

    public static ParticipantEntity From(Enrolment enrolment, string uploadId, int sourceRow)
    {
        var entity = new ParticipantEntity
        {
            PartitionKey = PartitionOf(enrolment.Region, enrolment.AgreementNo),
            RowKey = enrolment.Nik,
            Region = enrolment.Region,
            AgreementNo = enrolment.AgreementNo,
            FullName = enrolment.FullName,
            BirthPlace = enrolment.BirthPlace,
            BirthDate = IsoDate.Format(enrolment.BirthDate),
            Gender = enrolment.Gender,
            Address = enrolment.Address,
            Village = enrolment.Village,
            District = enrolment.District,
            Phone = enrolment.Phone,
            Occupation = enrolment.Occupation,
            Segment = enrolment.Segment,
            CoverageStart = IsoDate.Format(enrolment.CoverageStart),
            CoverageEnd = IsoDate.Format(enrolment.CoverageEnd),
            MonthlyIncomeIdr = (double?)enrolment.MonthlyIncomeIdr,
            Programs = ProgramSet.Format(enrolment.Programs),
            Kpj = enrolment.Kpj,
            UploadId = uploadId,
            SourceRow = sourceRow,
        };
        entity.Fingerprint = Hash(entity.DataFields().Select(field => field.Value));
        return entity;
    }

    /// <summary>The worker's data, by the contract's field names (what a change record names).</summary>
    public IEnumerable<(string Name, string? Value)> DataFields() =>
    [
        ("full_name", FullName), ("birth_place", BirthPlace), ("birth_date", BirthDate), ("gender", Gender),
        ("address", Address), ("village", Village), ("district", District), ("phone", Phone), ("occupation", Occupation),
        ("segment", Segment), ("coverage_start", CoverageStart), ("coverage_end", CoverageEnd),
        ("monthly_income_idr", MonthlyIncomeIdr?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("programs", Programs), ("kpj", Kpj),
    ];

    /// <summary>The fields whose values differ from an earlier version of the same worker.</summary>
    public IReadOnlyList<string> ChangedFrom(ParticipantEntity earlier) =>
        [.. DataFields().Zip(earlier.DataFields()).Where(pair => pair.First.Value != pair.Second.Value).Select(pair => pair.First.Name)];

    private static string Hash(IEnumerable<string?> values)
    {
        var text = string.Join('\u001F', values.Select(v => v ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}
