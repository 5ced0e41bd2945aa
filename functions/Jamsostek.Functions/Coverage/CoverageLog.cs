namespace Jamsostek.Functions.Coverage;

internal static partial class CoverageLog
{
    /// <summary>Once per wait: another finalizer of the same agreement is recounting (tests wait for this line).</summary>
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information,
        Message = "Coverage recount in region {Region} waits for the agreement's lock, which another finalizer holds")]
    public static partial void WaitingForAgreementLock(ILogger logger, string region);
}
