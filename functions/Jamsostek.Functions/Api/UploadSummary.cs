using Jamsostek.Core.Templates;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Api;

public sealed record UploadList(IReadOnlyList<UploadSummary> Uploads);

public sealed record UploadCounts(int Read, int Accepted, int Rejected, int Blank, int Warnings, int Updated);

public sealed record CodeCount(string Code, int Count);

/// <param name="DuplicateOf">A duplicate's: the upload that holds its content.</param>
public sealed record UploadLinks(string Self, string? Findings, string? RejectedRows, string? DuplicateOf = null);

/// <summary>Another upload as a duplicate names it: its id, its blob name ("5204/peserta.xlsx") and its status now.</summary>
public sealed record UploadReference(string UploadId, string File, string? Status);

/// <summary>
/// An upload as the office follows it. No row data: counts, codes and the reason a file was rejected; a duplicate's
/// record names the upload that holds its content, with that upload's status as it is now.
/// </summary>
public sealed record UploadSummary(
    string UploadId,
    string Region,
    string File,
    string? Kind,
    string Status,
    UploadReference? DuplicateOf,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    UploadCounts Rows,
    IReadOnlyList<CodeCount> TopErrors,
    string? RejectionCode,
    string? RejectionMessage,
    string? FailureCode,
    string? FailureReason,
    UploadLinks Links,
    string? SnapshotDate = null)
{
    /// <param name="holder">For a duplicate, the record of the upload that holds its content (null when it cannot be read).</param>
    public static UploadSummary From(UploadRecord record, Language language, UploadRecord? holder = null)
    {
        var final = record.Status is UploadStatus.Completed or UploadStatus.CompletedWithErrors;
        var duplicateOf = record.DuplicateOf is { } holderId
            ? new UploadReference(holderId, holder?.BlobName ?? record.DuplicateOfBlob ?? "", holder?.Status)
            : null;
        return new(
            record.UploadId,
            record.Region,
            record.BlobName,
            record.Kind ?? holder?.Kind,
            record.Status,
            duplicateOf,
            record.ReceivedAt,
            record.CompletedAt,
            new UploadCounts(record.RowsRead, record.RowsAccepted, record.RowsRejected, record.BlankRows, record.Warnings, record.RowsUpdated),
            [.. (record.TopErrors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(':')).Select(pair => new CodeCount(pair[0], int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture)))],
            record.RejectionCode,
            language == Language.En ? record.RejectionMessageEn ?? record.RejectionMessage : record.RejectionMessage,
            record.FailureCode,
            record.FailureCode is { } failure ? UploadFailure.Message(failure, record.FailedAttempts, language) : record.FailureReason,
            new UploadLinks(
                $"/api/uploads/{record.UploadId}",
                final ? $"/api/uploads/{record.UploadId}/findings" : null,
                final && record.RowsRejected > 0 ? $"/api/uploads/{record.UploadId}/rejected" : null,
                duplicateOf is null ? null : $"/api/uploads/{duplicateOf.UploadId}"),
            record.SnapshotDate);
    }
}
