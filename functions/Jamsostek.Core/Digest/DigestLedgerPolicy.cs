namespace Jamsostek.Core.Digest;

/// <summary>Where one recipient's digest of one week stands in the send ledger.</summary>
public static class DigestStatus
{
    /// <summary>Claimed by a run that is sending it now.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>The last attempt failed; the next run tries again while attempts remain.</summary>
    public const string Failed = "failed";
}

/// <summary>A ledger entry as the policy needs it.</summary>
public sealed record DigestLedgerState(string Status, int Attempts, DateTimeOffset ClaimedAt);

public enum DigestAction
{
    /// <summary>No entry yet: claim it (an insert that fails when another run got there first) and send.</summary>
    Claim,

    /// <summary>The last attempt failed and attempts remain: take the entry over (conditional on its ETag) and send again.</summary>
    Retry,

    /// <summary>A run claimed it and went quiet for longer than a send can take (it died): take it over and send.</summary>
    TakeOverStale,

    SkipSent,

    /// <summary>Another run is sending it right now.</summary>
    SkipInFlight,

    /// <summary>Failed as often as allowed this week; the operator sees it in the ledger and may reset it.</summary>
    SkipGaveUp,
}

/// <summary>
/// What a run does about one recipient's digest of the current week, given the ledger entry (or none). The entry
/// is the single source of truth shared by every run and instance: a claim is an insert, a retry or take-over is
/// an update conditional on the entry's ETag, so two runs never both send.
/// </summary>
public static class DigestLedgerPolicy
{
    public static DigestAction Decide(DigestLedgerState? entry, DateTimeOffset now, int maxAttempts, TimeSpan claimTimeout) => entry switch
    {
        null => DigestAction.Claim,
        { Status: DigestStatus.Sent } => DigestAction.SkipSent,
        { Attempts: var attempts } when attempts >= maxAttempts => DigestAction.SkipGaveUp,
        { Status: DigestStatus.Sending } when now - entry.ClaimedAt < claimTimeout => DigestAction.SkipInFlight,
        { Status: DigestStatus.Sending } => DigestAction.TakeOverStale,
        _ => DigestAction.Retry,
    };
}
