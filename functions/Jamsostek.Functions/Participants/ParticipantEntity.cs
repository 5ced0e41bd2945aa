using System.Security.Cryptography;
using System.Text;
using Azure;
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
public sealed class ParticipantEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Region { get; set; } = "";

    public string AgreementNo { get; set; } = "";

    public string FullName { get; set; } = "";

    public string? BirthPlace { get; set; }

    public string BirthDate { get; set; } = "";

    public string Gender { get; set; } = "";

    public string? Address { get; set; }

    public string? Village { get; set; }

    public string? District { get; set; }

    public string? Phone { get; set; }

    public string? Occupation { get; set; }

    public string? Segment { get; set; }

    public string CoverageStart { get; set; } = "";

    public string CoverageEnd { get; set; } = "";

    public double? MonthlyIncomeIdr { get; set; }

    public string Programs { get; set; } = "";

    public string? Kpj { get; set; }

    /// <summary>A hash of the worker's data fields: a re-upload with the same values changes nothing.</summary>
    public string Fingerprint { get; set; } = "";

    public string UploadId { get; set; } = "";

    public int SourceRow { get; set; }

    /// <summary>When this upload changed a worker an earlier upload stored: that upload's id.</summary>
    public string? ReplacedUploadId { get; set; }

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
