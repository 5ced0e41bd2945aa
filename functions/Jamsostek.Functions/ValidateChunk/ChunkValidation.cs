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
/// Validates one chunk of an upload and stores what passes: agreements, or participants with their NIK index and
/// change records. The chunk's findings and rejected rows go to report parts; its result entity is written last,
/// so a message delivered again finds the chunk done and changes nothing.
/// </summary>
public sealed class ChunkValidation(ValidationServices services)
{
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

        var outcome = manifest.Kind == "agreements"
            ? await ValidateAgreementsAsync(message, rows, context, cancellationToken)
            : await ValidateEnrolmentsAsync(message, rows, context, cancellationToken);

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
        var english = new AgreementValidator(context with { Language = Language.En });
        var outcome = new ChunkOutcome();
        var accepted = new List<AgreementEntity>();
        foreach (var row in rows)
        {
            var result = validator.Validate(row);
            outcome.Add(row, result.Findings, () => english.Validate(row).Findings, result.IsAccepted);
            if (result.Accepted is { } agreement)
            {
                accepted.Add(AgreementEntity.From(agreement, message.UploadId, row.RowNumber));
                outcome.AgreementNumbers.Add(agreement.AgreementNo);
            }
        }
        await services.Agreements.UpsertAsync(accepted, cancellationToken);
        return outcome;
    }

    private async Task<ChunkOutcome> ValidateEnrolmentsAsync(ChunkMessage message, List<StagedRow> rows, ValidationContext context, CancellationToken cancellationToken)
    {
        var agreements = (await services.Agreements.ListAsync(message.Region, cancellationToken)).Select(entity => entity.ToAgreement()).ToList();
        var validator = new EnrolmentValidator(context, agreements);
        var english = new EnrolmentValidator(context with { Language = Language.En }, agreements);
        var niks = rows.Select(row => row.Value(FieldNames.Nik)).OfType<string>().ToList();
        var enrolled = await services.Participants.FindEnrolmentsAsync(niks, message.UploadId, cancellationToken);

        var outcome = new ChunkOutcome();
        var participants = new List<ParticipantEntity>();
        var changes = new List<ParticipantChangeEntity>();
        foreach (var row in rows)
        {
            var nik = row.Value(FieldNames.Nik);
            var entries = nik is not null && enrolled.TryGetValue(nik, out var found) ? found : [];
            var earlier = entries.Select(entry => entry.ToCoverage()).ToList();
            var result = validator.Validate(row, earlier);
            outcome.Add(row, result.Findings, () => english.Validate(row, earlier).Findings, result.IsAccepted);
            if (result.Accepted is not { } enrolment)
            {
                continue;
            }
            var participant = ParticipantEntity.From(enrolment, message.UploadId, row.RowNumber);
            var stored = entries.FirstOrDefault(entry => entry.RowKey == NikIndexEntity.RowKeyPrefix(enrolment.Nik) + participant.PartitionKey);
            if (stored is not null && stored.UploadId != message.UploadId && stored.Fingerprint != participant.Fingerprint)
            {
                var previous = await services.Participants.FindAsync(participant.PartitionKey, participant.Nik, cancellationToken);
                participant.ReplacedUploadId = stored.UploadId;
                changes.Add(new ParticipantChangeEntity
                {
                    PartitionKey = participant.PartitionKey,
                    RowKey = Storage.TableKeys.Join(participant.Nik, message.UploadId),
                    ChangedFields = previous is null ? "" : string.Join(',', participant.ChangedFrom(previous)),
                    PreviousUploadId = stored.UploadId,
                    PreviousSourceRow = previous?.SourceRow ?? 0,
                    UploadId = message.UploadId,
                    SourceRow = row.RowNumber,
                });
                outcome.Updated++;
            }
            else if (stored is not null && stored.UploadId == message.UploadId)
            {
                // Written by an earlier attempt of this chunk: keep what it recorded.
                participant.ReplacedUploadId = stored.ReplacedUploadId;
                outcome.Updated += stored.ReplacedUploadId is null ? 0 : 1;
            }
            participants.Add(participant);
            outcome.AgreementNumbers.Add(enrolment.AgreementNo);
        }
        await services.Participants.WriteAsync(changes, participants, cancellationToken);
        outcome.Coverage = ChunkCoverage.Format(participants);
        return outcome;
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

        public void Add(StagedRow row, IReadOnlyList<Finding> findings, Func<IReadOnlyList<Finding>> english, bool accepted)
        {
            Accepted += accepted ? 1 : 0;
            if (findings.Count == 0)
            {
                return;
            }
            // Validation is deterministic, so the English run gives the same findings in the same order.
            var inEnglish = english();
            for (var i = 0; i < findings.Count; i++)
            {
                Warnings += findings[i].Severity == Severity.Warning ? 1 : 0;
                JsonSerializer.Serialize(Findings, FindingLine.From(findings[i], inEnglish[i]), ReportJsonContext.Default.FindingLine);
                Findings.WriteByte((byte)'\n');
            }
            if (!accepted)
            {
                var cells = row.Cells.Values.Select(cell => (cell.Cell, cell.Text)).Concat(row.Extras.Select(extra => (extra.Cell, extra.Text)))
                    .ToDictionary(cell => ColumnLetters(cell.Cell), cell => cell.Text, StringComparer.Ordinal);
                var line = new RejectedRowLine(row.RowNumber, cells, Reasons(findings), Reasons(inEnglish));
                JsonSerializer.Serialize(Rejected, line, ReportJsonContext.Default.RejectedRowLine);
                Rejected.WriteByte((byte)'\n');
            }
        }

        private static string Reasons(IReadOnlyList<Finding> findings) => string.Join(" ",
            findings.Where(f => f.Severity == Severity.Error).Select(f => $"[{f.Cell ?? f.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture)}] {f.Message}"));

        private static string ColumnLetters(string cell) => cell[..cell.AsSpan().IndexOfAnyInRange('0', '9')];
    }
}
