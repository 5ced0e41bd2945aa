using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Api;

/// <summary>An upload record as the API shows it (<see cref="UploadSummary"/>, the contract's shape).</summary>
public static class UploadSummaries
{
    /// <param name="holder">For a duplicate, the record of the upload that holds its content (null when it cannot be read).</param>
    public static UploadSummary From(UploadRecord record, Language language, UploadRecord? holder = null)
    {
        var duplicateOf = record.DuplicateOf is { } holderId
            ? new UploadReference(holderId, holder?.BlobName ?? record.DuplicateOfBlob ?? "", holder?.Status)
            : null;
        return new(
            record.UploadId,
            record.Region,
            record.BlobName,
            record.SheetKind ?? holder?.SheetKind,
            record.Status,
            duplicateOf,
            record.ReceivedAt,
            record.CompletedAt,
            new UploadCounts(record.RowsRead, record.RowsAccepted, record.RowsRejected, record.BlankRows, record.Warnings, record.RowsUpdated),
            TopErrors(record.TopErrors),
            record.RejectionCode,
            language == Language.En ? record.RejectionMessageEn ?? record.RejectionMessage : record.RejectionMessage,
            record.FailureCode,
            record.FailureCode is { } failure ? UploadFailure.Message(failure, record.FailedAttempts, language) : record.FailureReason,
            Links(record, duplicateOf),
            record.SnapshotDate);
    }

    /// <summary>The record's "NIK_FORMAT:3,DATE_FORMAT:1" as code and count pairs.</summary>
    private static List<CodeCount> TopErrors(string? topErrors) =>
        [.. (topErrors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':')).Select(pair => new CodeCount(pair[0], int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>The findings and rejected rows exist once the upload is validated; the latter only when rows were rejected.</summary>
    private static UploadLinks Links(UploadRecord record, UploadReference? duplicateOf)
    {
        var validated = UploadStatus.IsValidated(record.Status);
        return new UploadLinks(
            $"/api/uploads/{record.UploadId}",
            validated ? $"/api/uploads/{record.UploadId}/findings" : null,
            validated && record.RowsRejected > 0 ? $"/api/uploads/{record.UploadId}/rejected" : null,
            duplicateOf is null ? null : $"/api/uploads/{duplicateOf.UploadId}");
    }
}
