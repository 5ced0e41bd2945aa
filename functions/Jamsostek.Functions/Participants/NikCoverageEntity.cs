using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Table <c>nikcoverage</c>: one entity per NIK holding every enrolment of that NIK, under any agreement of any region,
/// so "is this worker already covered?" is one point read. PartitionKey the NIK's first six digits (the kecamatan that
/// issued it, so a region's upload writes in few partitions and in transactions), RowKey the NIK.
/// <para>
/// A chunk adds the entities of new NIKs with <c>Add</c> and replaces existing ones under their ETag, before it stores
/// the participants: of two uploads enrolling one worker at once, one write fails, and that chunk reads the entity
/// again and validates the row against what the other stored.
/// </para>
/// </summary>
public sealed class NikCoverageEntity(TableEntity entity) : TableRecord(entity)
{
    public NikCoverageEntity() : this(new TableEntity())
    {
        Enrolments = "[]";
    }

    /// <summary>The NIK's enrolments as a JSON array of <see cref="NikEnrolment"/>.</summary>
    public string Enrolments { get => Text("[]"); set => Set(value); }

    public string Nik => RowKey;

    public static string PartitionOf(string nik) => nik[..6];

    public IReadOnlyList<NikEnrolment> ReadEnrolments() =>
        JsonSerializer.Deserialize(Enrolments, NikCoverageJsonContext.Default.IReadOnlyListNikEnrolment) ?? [];

    /// <summary>
    /// This entity (or a new one when <paramref name="stored"/> is null) with <paramref name="enrolment"/> in place of
    /// the NIK's enrolment under the same agreement of the same region, keeping the stored ETag for the conditional write.
    /// </summary>
    public static NikCoverageEntity With(string nik, NikCoverageEntity? stored, NikEnrolment enrolment)
    {
        var entity = new NikCoverageEntity
        {
            PartitionKey = PartitionOf(nik),
            RowKey = nik,
            Enrolments = JsonSerializer.Serialize(
                [.. (stored?.ReadEnrolments() ?? []).Where(e => e.AgreementKey != enrolment.AgreementKey), enrolment],
                NikCoverageJsonContext.Default.IReadOnlyListNikEnrolment),
        };
        if (stored is not null)
        {
            // Only a stored entity's: a TableEntity given an empty ETag is written without If-Match, unconditionally.
            entity.ETag = stored.ETag;
        }
        return entity;
    }
}

/// <summary>One stored enrolment of a NIK, as <see cref="NikCoverageEntity"/> keeps it.</summary>
/// <param name="Fingerprint">The participant's <see cref="ParticipantEntity.Fingerprint"/>: a re-upload with the same values changes nothing.</param>
/// <param name="ReplacedUploadId">When the upload changed a worker an earlier upload stored: that upload's id (a redelivered chunk still counts the update).</param>
public sealed record NikEnrolment(
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("agreement")] string AgreementNo,
    [property: JsonPropertyName("start")] string CoverageStart,
    [property: JsonPropertyName("end")] string CoverageEnd,
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("upload")] string UploadId,
    [property: JsonPropertyName("replaced"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplacedUploadId)
{
    /// <summary>The participant partition of the enrolment: one per region and agreement.</summary>
    [JsonIgnore]
    public string AgreementKey => ParticipantEntity.PartitionOf(Region, AgreementNo);

    public static NikEnrolment Of(ParticipantEntity participant) => new(participant.Region, participant.AgreementNo,
        participant.CoverageStart, participant.CoverageEnd, participant.Fingerprint, participant.UploadId, participant.ReplacedUploadId);

    public CoverageRecord ToCoverage(string nik) =>
        new(nik, Region, AgreementNo, IsoDate.Parse(CoverageStart)!.Value, IsoDate.Parse(CoverageEnd)!.Value);
}

[JsonSerializable(typeof(IReadOnlyList<NikEnrolment>))]
internal sealed partial class NikCoverageJsonContext : JsonSerializerContext;
