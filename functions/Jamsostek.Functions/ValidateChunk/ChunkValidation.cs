using System.Text.Json;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>
/// Validates one chunk of an upload and stores what passes: agreements, or participants with their NIK coverage
/// entries and change records. The chunk's findings and rejected rows go to report parts; its result entity is written last,
/// so a message delivered again finds the chunk done and changes nothing.
/// </summary>
public sealed class ChunkValidation(ValidationServices services)
{
    /// <summary>How often a chunk writes the coverage entries other uploads keep changing before it gives up (and is retried).</summary>
    private const int MaxClaimRounds = 5;

    public async Task<ChunkResultEntity?> ValidateAsync(ChunkMessage message, CancellationToken cancellationToken)
    {
        if (await services.Chunks.IsDoneAsync(message.UploadId, message.Chunk, cancellationToken))
        {
            ValidationLog.ChunkAlreadyDone(services.Logger, message.UploadId, message.Chunk);
            return null;
        }
        var record = await services.Uploads.FindAsync(message.Region, message.UploadId, cancellationToken)
            ?? throw new InvalidOperationException($"Upload {message.UploadId} has no record.");
        if (UploadStatus.IsFinal(record.Status))
        {
            ValidationLog.ChunkSkipped(services.Logger, message.UploadId, message.Chunk, record.Status);
            return null;
        }
        var manifest = StagingManifest.Deserialize(await services.Staging.ReadAsync(StagingStore.ManifestBlobName(message.UploadId), cancellationToken));
        var rows = StagedRowReader.Read((await services.Staging.ReadAsync(message.Blob, cancellationToken)).ToMemory()).ToList();
        var region = RegionCode.Parse(message.Region);
        var context = new ValidationContext(region, manifest.Sheet, manifest.FieldColumns, RegionTimeZone.Today(region, services.Time.GetUtcNow()));

        var outcome = manifest.Kind switch
        {
            SheetKind.Agreements => await ValidateAgreementsAsync(message, rows, context, cancellationToken),
            SheetKind.Compliance => await ValidateEmployersAsync(message, rows, context, Storage.IsoDate.Parse(manifest.SnapshotDate) ?? context.Today, cancellationToken),
            _ => await ValidateEnrolmentsAsync(message, rows, context, cancellationToken),
        };

        await services.Reports.WriteAsync(ReportStore.FindingsPart(message.UploadId, message.Chunk), outcome.Findings.ToArray(), cancellationToken);
        await services.Reports.WriteAsync(ReportStore.RejectedPart(message.UploadId, message.Chunk), outcome.Rejected.ToArray(), cancellationToken);
        var result = new ChunkResultEntity
        {
            PartitionKey = message.UploadId,
            RowKey = ChunkResultEntity.RowKeyOf(message.Chunk),
            Rows = rows.Count,
            Accepted = outcome.Accepted,
            Rejected = rows.Count - outcome.Accepted,
            Warnings = outcome.Warnings,
            Updated = outcome.Updated,
            Agreements = string.Join('\n', outcome.AgreementNumbers),
            Coverage = outcome.Coverage,
        };
        await services.Chunks.SaveAsync(result, cancellationToken);
        ValidationLog.ChunkValidated(services.Logger, message.UploadId, message.Chunk, message.Chunks, result.Accepted, result.Rejected, result.Warnings, result.Updated);
        return result;
    }

    private async Task<ChunkOutcome> ValidateAgreementsAsync(ChunkMessage message, List<StagedRow> rows, ValidationContext context, CancellationToken cancellationToken)
    {
        var validator = new AgreementValidator(context);
        var outcome = new ChunkOutcome();
        var accepted = new List<AgreementEntity>();
        foreach (var row in rows)
        {
            var result = validator.Validate(row);
            outcome.Add(row, result.Findings, result.IsAccepted);
            if (result.Accepted is { } agreement)
            {
                accepted.Add(AgreementEntity.From(agreement, message.UploadId, row.RowNumber));
                outcome.AgreementNumbers.Add(agreement.AgreementNo);
            }
        }
        await services.Agreements.UpsertAsync(accepted, cancellationToken);
        return outcome;
    }

    private async Task<ChunkOutcome> ValidateEmployersAsync(ChunkMessage message, List<StagedRow> rows, ValidationContext context, DateOnly snapshotDate,
        CancellationToken cancellationToken)
    {
        var validator = new ComplianceValidator(context, snapshotDate);
        var outcome = new ChunkOutcome();
        var accepted = new List<Compliance.EmployerEntity>();
        foreach (var row in rows)
        {
            var result = validator.Validate(row);
            outcome.Add(row, result.Findings, result.IsAccepted);
            if (result.Accepted is { } employer)
            {
                accepted.Add(Compliance.EmployerEntity.From(employer, message.UploadId, row.RowNumber));
            }
        }
        await services.Employers.UpsertAsync(accepted, cancellationToken);
        return outcome;
    }

    /// <summary>The enrolment rows validated and their NIKs' coverage entries claimed; then the participants and change records.</summary>
    private async Task<ChunkOutcome> ValidateEnrolmentsAsync(ChunkMessage message, List<StagedRow> rows, ValidationContext context, CancellationToken cancellationToken)
    {
        var agreements = (await services.Agreements.ListAsync(message.Region, cancellationToken)).Select(entity => entity.ToAgreement()).ToList();
        var results = await ValidateAndClaimAsync(new EnrolmentValidator(context, agreements), rows, message.UploadId, cancellationToken);

        var outcome = new ChunkOutcome();
        var participants = new List<ParticipantEntity>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (result, participant) = results[i];
            outcome.Add(rows[i], result.Findings, result.IsAccepted);
            if (participant is not null)
            {
                participants.Add(participant);
                outcome.AgreementNumbers.Add(participant.AgreementNo);
            }
        }
        var updated = participants.Where(participant => participant.ReplacedUploadId is not null).ToList();
        outcome.Updated = updated.Count;
        var changes = await ChangesAsync(updated, message.UploadId, cancellationToken);
        await services.Participants.WriteAsync(changes, participants, cancellationToken);
        outcome.Coverage = ChunkCoverage.Format(participants);
        return outcome;
    }

    /// <summary>
    /// Most workers in an upload are new, so each row is first validated as if its NIK had no enrolment and its
    /// coverage entry added (<see cref="NikCoverageStore.TryWriteAsync"/>); only the NIKs whose entry turns out to exist
    /// (or to have changed meanwhile) are read, validated again against what is stored and written again under the
    /// stored ETag.
    /// </summary>
    private async Task<EnrolmentRow[]> ValidateAndClaimAsync(EnrolmentValidator validator, List<StagedRow> rows, string uploadId, CancellationToken cancellationToken)
    {
        var results = new EnrolmentRow[rows.Count];
        var stored = new Dictionary<string, NikCoverageEntity>(StringComparer.Ordinal);
        IEnumerable<int> pending = Enumerable.Range(0, rows.Count);
        for (var round = 1; ; round++)
        {
            var claims = new List<NikCoverageEntity>();
            foreach (var i in pending)
            {
                var nik = rows[i].Value(FieldNames.Nik);
                results[i] = EnrolmentRow.Validate(validator, rows[i], nik is null ? null : stored.GetValueOrDefault(nik), uploadId);
                if (results[i].Participant is { } participant)
                {
                    claims.Add(NikCoverageEntity.With(participant.Nik, stored.GetValueOrDefault(participant.Nik), NikEnrolment.Of(participant)));
                }
            }
            var refused = await services.NikCoverage.TryWriteAsync(claims, cancellationToken);
            if (refused.Count == 0)
            {
                break;
            }
            if (round == MaxClaimRounds)
            {
                throw new InvalidOperationException($"The coverage entries of {refused.Count} NIKs kept changing under {round} attempts to write them.");
            }
            foreach (var (nik, entity) in await services.NikCoverage.FindAsync(refused, cancellationToken))
            {
                stored[nik] = entity;
            }
            pending = Enumerable.Range(0, rows.Count).Where(i => results[i].Participant is { } p && refused.Contains(p.Nik));
        }
        return results;
    }

    /// <summary>
    /// The change record of each participant this upload updates, from the version stored now. A participant already
    /// written by this upload (an earlier attempt of the chunk got that far) had its change recorded before it.
    /// </summary>
    private async Task<List<ParticipantChangeEntity>> ChangesAsync(IReadOnlyList<ParticipantEntity> updated, string uploadId, CancellationToken cancellationToken)
    {
        var current = await services.Participants.FindAsync(updated.Select(p => (p.PartitionKey, p.Nik)), cancellationToken);
        return [.. updated
            .Select(participant => (Participant: participant, Previous: current.GetValueOrDefault((participant.PartitionKey, participant.Nik))))
            .Where(pair => pair.Previous?.UploadId != uploadId)
            .Select(pair => new ParticipantChangeEntity
            {
                PartitionKey = pair.Participant.PartitionKey,
                RowKey = Storage.TableKeys.Join(pair.Participant.Nik, uploadId),
                ChangedFields = pair.Previous is null ? "" : string.Join(',', pair.Participant.ChangedFrom(pair.Previous)),
                PreviousUploadId = pair.Participant.ReplacedUploadId!,
                PreviousSourceRow = pair.Previous?.SourceRow ?? 0,
                UploadId = uploadId,
                SourceRow = pair.Participant.SourceRow,
            })];
    }

    /// <summary>One enrolment row validated against the stored enrolments of its NIK, and the participant it stores when accepted.</summary>
    private sealed record EnrolmentRow(RowOutcome<Enrolment> Result, ParticipantEntity? Participant)
    {
        public static EnrolmentRow Validate(EnrolmentValidator validator, StagedRow row, NikCoverageEntity? stored, string uploadId)
        {
            var enrolments = stored?.ReadEnrolments() ?? [];
            var earlier = enrolments.Select(e => e.ToCoverage(stored!.Nik)).ToList();
            var result = validator.Validate(row, earlier);
            if (result.Accepted is not { } enrolment)
            {
                return new EnrolmentRow(result, null);
            }
            var participant = ParticipantEntity.From(enrolment, uploadId, row.RowNumber);
            var previous = enrolments.FirstOrDefault(e => e.AgreementKey == participant.PartitionKey);
            participant.ReplacedUploadId = previous switch
            {
                null => null,
                // Stored by an earlier attempt of this chunk: what it replaced stays replaced.
                _ when previous.UploadId == uploadId => previous.ReplacedUploadId,
                _ when previous.Fingerprint != participant.Fingerprint => previous.UploadId,
                _ => null,
            };
            return new EnrolmentRow(result, participant);
        }
    }

    /// <summary>What a chunk produced: counts, the report parts as JSON lines, the agreements its rows belong to.</summary>
    private sealed class ChunkOutcome
    {
        public int Accepted { get; private set; }

        public int Warnings { get; private set; }

        public int Updated { get; set; }

        public HashSet<string> AgreementNumbers { get; } = new(StringComparer.Ordinal);

        /// <summary>The stored participants counted for coverage (<see cref="ChunkCoverage"/>); enrolments only.</summary>
        public string? Coverage { get; set; } = "";

        public MemoryStream Findings { get; } = new();

        public MemoryStream Rejected { get; } = new();

        /// <summary>Counts the row, and puts its findings (and the row itself when rejected) in the report parts, as data.</summary>
        public void Add(StagedRow row, IReadOnlyList<Finding> findings, bool accepted)
        {
            Accepted += accepted ? 1 : 0;
            foreach (var finding in findings)
            {
                Warnings += finding.Severity == Severity.Warning ? 1 : 0;
                JsonSerializer.Serialize(Findings, finding, ReportPartJsonContext.Default.Finding);
                Findings.WriteByte((byte)'\n');
            }
            if (!accepted)
            {
                var cells = row.Cells.Values.Select(cell => (cell.Cell, cell.Text)).Concat(row.Extras.Select(extra => (extra.Cell, extra.Text)))
                    .ToDictionary(cell => ColumnLetters(cell.Cell), cell => cell.Text, StringComparer.Ordinal);
                var line = new RejectedRowLine(row.RowNumber, cells, [.. findings.Where(f => f.Severity == Severity.Error)]);
                JsonSerializer.Serialize(Rejected, line, ReportPartJsonContext.Default.RejectedRowLine);
                Rejected.WriteByte((byte)'\n');
            }
        }

        private static string ColumnLetters(string cell) => cell[..cell.AsSpan().IndexOfAnyInRange('0', '9')];
    }
}
