using System.Text.Json.Serialization;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Uploads;

/// <summary>GET /api/uploads: a region's uploads, newest first.</summary>
public sealed record UploadList(IReadOnlyList<UploadSummary> Uploads);

/// <summary>An upload's rows: read = accepted + rejected once validated; blank rows are counted apart.</summary>
public sealed record UploadCounts(int Read, int Accepted, int Rejected, int Blank, int Warnings, int Updated);

public sealed record CodeCount(string Code, int Count);

/// <param name="DuplicateOf">A duplicate's: the upload that holds its content.</param>
public sealed record UploadLinks(string Self, string? Findings, string? RejectedRows, string? DuplicateOf = null);

/// <summary>Another upload as a duplicate names it: its id, its blob name ("5204/peserta.xlsx") and its status now.</summary>
public sealed record UploadReference(string UploadId, string File, string? Status);

/// <summary>
/// An upload as the office follows it (GET /api/uploads/{uploadId}, and each item of <see cref="UploadList"/>). No row
/// data: counts, codes and the reason a file was rejected; a duplicate's record names the upload that holds its
/// content, with that upload's status as it is now. <see cref="Status"/> is one of <see cref="UploadStatus"/>'s.
/// </summary>
public sealed record UploadSummary(
    string UploadId,
    string Region,
    string File,
    [property: JsonConverter(typeof(UploadKindJsonConverter))] SheetKind? Kind,
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
    string? SnapshotDate = null);
