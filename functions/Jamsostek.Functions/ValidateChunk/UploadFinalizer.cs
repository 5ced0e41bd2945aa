using System.Text.Json;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>
/// When every chunk of an upload has its result: recounts the coverage of the agreements the upload touched,
/// writes the office's files and sets the final status with reconciled counts. Every step may run twice (two
/// chunks finishing together, a redelivered message) with the same outcome; the status changes once, guarded by
/// the record's ETag.
/// </summary>
public sealed class UploadFinalizer(ValidationServices services)
{
    public async Task<bool> TryFinalizeAsync(string region, string uploadId, CancellationToken cancellationToken)
    {
        var record = await services.Uploads.FindAsync(region, uploadId, cancellationToken);
        if (record is null || UploadStatus.IsFinal(record.Status))
        {
            return false;
        }
        var results = await services.Chunks.ListAsync(uploadId, cancellationToken);
        if (results.Count < record.Chunks)
        {
            return false;
        }

        var accepted = results.Sum(r => r.Accepted);
        var rejected = results.Sum(r => r.Rejected);
        var uploadFindings = record.SheetKind == SheetKind.Enrolments
            ? await RecountCoverageAsync(region, uploadId, results, cancellationToken)
            : [];
        if (record.SheetKind == SheetKind.Compliance && accepted > 0)
        {
            await RecordSnapshotAsync(record, cancellationToken);
        }
        var status = rejected == 0 ? UploadStatus.Completed : UploadStatus.CompletedWithErrors;
        string? topErrors;
        try
        {
            topErrors = await UploadReportWriter.WriteAsync(services.Reports, services.Staging, record, status, accepted, rejected, results.Sum(r => r.Warnings) + uploadFindings.Count,
                uploadFindings, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 412)
        {
            // Two chunks finished together and both write the same files: the blob changed under this writer, so the
            // other one is writing it; that finalizer sets the status (its message is retried should it fail).
            ValidationLog.FinalizedElsewhere(services.Logger, uploadId);
            return false;
        }

        record.Status = status;
        record.RowsAccepted = accepted;
        record.RowsRejected = rejected;
        record.Warnings = results.Sum(r => r.Warnings) + uploadFindings.Count;
        record.RowsUpdated = results.Sum(r => r.Updated);
        record.TopErrors = topErrors;
        record.FailureCode = null;
        record.FailureReason = null;
        record.CompletedAt = services.Time.GetUtcNow();
        if (!await services.Uploads.TryReplaceAsync(record, cancellationToken))
        {
            return false;
        }
        ValidationLog.Finalized(services.Logger, uploadId, status, accepted, rejected, record.RowsRead);
        await DeleteStagedRowsAsync(uploadId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Files the upload as the region's snapshot for its date, with the totals the digest and the coverage view read
    /// (counted from the stored employers, so a chunk validated twice counts once).
    /// </summary>
    private async Task RecordSnapshotAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var employers = new List<Employer>();
        await foreach (var employer in services.Employers.ListAsync(record.UploadId, cancellationToken))
        {
            employers.Add(employer.ToEmployer());
        }
        // The same totals the compliance report shows for this snapshot.
        var totals = Core.Compliance.ComplianceComparison.Compare(employers, Storage.IsoDate.Parse(record.SnapshotDate)!.Value, null, null);
        await services.Snapshots.RecordAsync(new Compliance.ComplianceSnapshotEntity
        {
            Region = record.Region,
            SnapshotDate = record.SnapshotDate!,
            UploadId = record.UploadId,
            BlobName = record.BlobName,
            ReceivedAt = record.ReceivedAt,
            Employers = totals.Employers,
            EmployersInArrears = totals.InArrears.Count,
            OwedIdr = (double)totals.OwedIdr,
            CompliantReportedWorkers = totals.CompliantReportedWorkers,
        }, cancellationToken);
    }

    /// <summary>
    /// The staged chunks hold the workers' rows as typed (NIK, names, birth dates); once the upload is final nothing
    /// reads them again (reprocessing is for uploads that are not), so they go. Failing here does not fail the upload.
    /// </summary>
    private async Task DeleteStagedRowsAsync(string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await services.Staging.DeleteUploadAsync(uploadId, cancellationToken);
        }
        catch (Azure.RequestFailedException ex)
        {
            ValidationLog.StagingNotDeleted(services.Logger, uploadId, $"{ex.Status} {ex.ErrorCode}");
        }
    }

    /// <summary>
    /// Recounts each agreement the upload's rows belong to; an agreement now over its target is reported. An
    /// agreement whose participants all come from this upload (its first) is counted from the chunks' own counts
    /// instead of reading its participants back, which costs a page per thousand workers.
    /// </summary>
    private async Task<IReadOnlyList<Finding>> RecountCoverageAsync(string region, string uploadId,
        IReadOnlyList<ChunkResultEntity> results, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var chunkCounts = results.All(r => r.Coverage is not null) ? results.SelectMany(r => ChunkCoverage.Parse(r.Coverage!)).ToList() : null;
        var agreementNumbers = results.SelectMany(r => r.Agreements.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal);
        foreach (var agreementNo in agreementNumbers)
        {
            await using var recounting = await services.AgreementLocks.AcquireAsync(region, agreementNo, cancellationToken);
            var participants = chunkCounts is not null && await services.Participants.AllFromUploadAsync(region, agreementNo, uploadId, cancellationToken)
                ? await services.Coverage.ReplaceAgreementAsync(region, agreementNo, chunkCounts.Where(c => c.AgreementNo == agreementNo)
                    .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Participants)), cancellationToken)
                : await services.Coverage.RecountAgreementAsync(region, agreementNo, cancellationToken);
            var agreement = await services.Agreements.FindAsync(region, agreementNo, cancellationToken);
            if (agreement?.ToAgreement().Target is { } target && participants > target)
            {
                findings.Add(Quota(agreementNo, participants, target));
            }
        }
        return findings;
    }

    private static Finding Quota(string agreementNo, int participants, int target) => new(
        FindingCode.QuotaExceeded, Severity.Warning, ValidationMessages.QuotaExceeded(agreementNo, participants, target),
        Field: FieldNames.AgreementNo, Value: agreementNo);
}
