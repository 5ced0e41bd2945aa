namespace Jamsostek.Core.Uploads;

/// <summary>
/// The statuses of an upload record, as the contract spells them: stored in the uploads table, shown by
/// GET /api/uploads and read back by whoever follows an upload (the local host's start-up job, tests).
/// </summary>
public static class UploadStatus
{
    public const string Received = "received";
    public const string Validating = "validating";

    /// <summary>Every row accepted.</summary>
    public const string Completed = "completed";

    /// <summary>Validated, and some rows rejected (each with a finding).</summary>
    public const string CompletedWithErrors = "completed_with_errors";

    /// <summary>Nothing usable in the file; the record gives the reason.</summary>
    public const string Rejected = "rejected";

    /// <summary>Our fault: retried, then shown as such until an operator reprocesses the upload.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// The blob holds content another blob of the region brought first: the record names that upload; nothing is
    /// read, validated or stored for it.
    /// </summary>
    public const string Duplicate = "duplicate";

    public static IReadOnlyList<string> All { get; } = [Received, Validating, Completed, CompletedWithErrors, Rejected, Failed, Duplicate];

    /// <summary>
    /// The upload has its outcome and the pipeline will not change it (a duplicate never: it holds nothing to process).
    /// A failed upload is not final in this sense: the chunks still queued keep going, and an operator may reprocess it.
    /// </summary>
    public static bool IsFinal(string? status) => status is Completed or CompletedWithErrors or Rejected or Duplicate;

    /// <summary>Validated: the findings report and, when rows were rejected, the rejected-rows files exist.</summary>
    public static bool IsValidated(string? status) => status is Completed or CompletedWithErrors;

    /// <summary>
    /// Nothing more happens to the upload by itself: final, or failed (which waits for an operator). What someone
    /// waiting for an upload waits for.
    /// </summary>
    public static bool HasStopped(string? status) => IsFinal(status) || status is Failed;
}
