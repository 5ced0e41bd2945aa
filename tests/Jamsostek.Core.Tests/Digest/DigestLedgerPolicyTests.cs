using Jamsostek.Core.Digest;

namespace Jamsostek.Core.Tests.Digest;

public sealed class DigestLedgerPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    private static DigestAction Decide(DigestLedgerState? entry, int maxAttempts = 24) => DigestLedgerPolicy.Decide(entry, Now, maxAttempts, ClaimTimeout);

    [Fact]
    public void NoEntryIsClaimed() => Assert.Equal(DigestAction.Claim, Decide(null));

    [Fact]
    public void ASentDigestIsNeverSentAgain()
    {
        Assert.Equal(DigestAction.SkipSent, Decide(new(DigestStatus.Sent, 1, Now.AddDays(-1))));
        Assert.Equal(DigestAction.SkipSent, Decide(new(DigestStatus.Sent, 30, Now.AddDays(-1))));
    }

    [Fact]
    public void AFailedSendIsRetriedUntilTheAttemptsRunOut()
    {
        Assert.Equal(DigestAction.Retry, Decide(new(DigestStatus.Failed, 1, Now.AddHours(-1))));
        Assert.Equal(DigestAction.Retry, Decide(new(DigestStatus.Failed, 23, Now.AddHours(-1))));
        Assert.Equal(DigestAction.SkipGaveUp, Decide(new(DigestStatus.Failed, 24, Now.AddHours(-1))));
    }

    [Fact]
    public void ASendInFlightIsLeftToItsRunUnlessThatRunWentQuiet()
    {
        Assert.Equal(DigestAction.SkipInFlight, Decide(new(DigestStatus.Sending, 1, Now.AddMinutes(-2))));
        Assert.Equal(DigestAction.TakeOverStale, Decide(new(DigestStatus.Sending, 1, Now.AddMinutes(-11))));
    }
}
