using Azure;
using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>nikindex</c>: every enrolment again, keyed for the question "is this NIK already covered, under any
/// agreement of any region?". PartitionKey the NIK's first six digits (the kecamatan that issued it, so a
/// region's upload writes in few partitions and in transactions), RowKey <c>{nik}|{region}|{agreement key}</c>, so all
/// of one NIK's enrolments are one key range.
/// </summary>
public sealed class NikIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Nik { get; set; } = "";

    public string Region { get; set; } = "";

    public string AgreementNo { get; set; } = "";

    public string CoverageStart { get; set; } = "";

    public string CoverageEnd { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    public string UploadId { get; set; } = "";

    /// <summary>Copied from <see cref="ParticipantEntity.ReplacedUploadId"/>: a redelivered chunk still counts the update.</summary>
    public string? ReplacedUploadId { get; set; }

    public static string PartitionOf(string nik) => nik[..6];

    public static string RowKeyPrefix(string nik) => nik + TableKeys.Separator;

    public static NikIndexEntity From(ParticipantEntity participant) => new()
    {
        PartitionKey = PartitionOf(participant.Nik),
        RowKey = RowKeyPrefix(participant.Nik) + participant.PartitionKey,
        Nik = participant.Nik,
        Region = participant.Region,
        AgreementNo = participant.AgreementNo,
        CoverageStart = participant.CoverageStart,
        CoverageEnd = participant.CoverageEnd,
        Fingerprint = participant.Fingerprint,
        UploadId = participant.UploadId,
        ReplacedUploadId = participant.ReplacedUploadId,
    };

    public CoverageRecord ToCoverage() =>
        new(Nik, Region, AgreementNo, IsoDate.Parse(CoverageStart)!.Value, IsoDate.Parse(CoverageEnd)!.Value);
}
