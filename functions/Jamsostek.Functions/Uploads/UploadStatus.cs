namespace Jamsostek.Functions.Uploads;

/// <summary>The statuses of the contract, as stored and shown.</summary>
public static class UploadStatus
{
    public const string Received = "received";
    public const string Validating = "validating";
    public const string Completed = "completed";
    public const string CompletedWithErrors = "completed_with_errors";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    /// <summary>
    /// The blob holds content another blob of the region brought first: the record names that upload (see
    /// <see cref="UploadClaims"/>); nothing is read, validated or stored for it.
    /// </summary>
    public const string Duplicate = "duplicate";

    /// <summary>Nothing more happens to the upload unless an operator reprocesses it (a duplicate never: it holds nothing to process).</summary>
    public static bool IsFinal(string status) => status is Completed or CompletedWithErrors or Rejected or Duplicate;
}
