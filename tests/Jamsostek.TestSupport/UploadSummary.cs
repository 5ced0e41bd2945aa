namespace Jamsostek.TestSupport;

/// <summary>
/// An upload as GET /api/uploads/{uploadId} shows it to the office (contract.md): the tests' own reading of the
/// response, so a change to the API's shape fails them rather than following along.
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
    string? SnapshotDate)
{
    /// <summary>The statuses an upload does not leave on its own.</summary>
    public static readonly IReadOnlySet<string> FinalStatuses =
        new HashSet<string>(["completed", "completed_with_errors", "rejected", "failed", "duplicate"], StringComparer.Ordinal);

    public bool IsFinal => FinalStatuses.Contains(Status);
}

public sealed record UploadCounts(int Read, int Accepted, int Rejected, int Blank, int Warnings, int Updated);

public sealed record CodeCount(string Code, int Count);

public sealed record UploadReference(string UploadId, string File, string? Status);

public sealed record UploadLinks(string Self, string? Findings, string? RejectedRows, string? DuplicateOf);

public sealed record UploadList(IReadOnlyList<UploadSummary> Uploads);
