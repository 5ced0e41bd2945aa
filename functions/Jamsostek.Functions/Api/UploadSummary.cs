using Jamsostek.Core.Templates;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Api;

public sealed record UploadList(IReadOnlyList<UploadSummary> Uploads);

public sealed record UploadCounts(int Read, int Accepted, int Rejected, int Blank, int Warnings, int Updated);

public sealed record CodeCount(string Code, int Count);

public sealed record UploadLinks(string Self, string? Findings, string? RejectedRows);

/// <summary>An upload as the office follows it. No row data: counts, codes and the reason a file was rejected.</summary>
public sealed record UploadSummary(
    string UploadId,
    string Region,
    string File,
    string? Kind,
    string Status,
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
    public static UploadSummary From(UploadRecord record, Language language)
    {
        var final = record.Status is UploadStatus.Completed or UploadStatus.CompletedWithErrors;
        return new(
            record.UploadId,
            record.Region,
            record.BlobName,
            record.Kind,
            record.Status,
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
                final && record.RowsRejected > 0 ? $"/api/uploads/{record.UploadId}/rejected" : null),
            record.SnapshotDate);
    }
}
