using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// PublishDigest (timerTrigger on the <c>DigestSchedule</c> setting, hourly by default so that 07:00 WIB, WITA and WIT
/// are each caught on the hour): sends every recipient the digest of their current week that they have not had yet.
/// An operator's <c>POST /admin/functions/PublishDigest</c> runs exactly this, now. A run that cannot reach storage
/// fails; failed sends are not an error of the run: the ledger keeps them and the next run retries them.
/// </summary>
public sealed class PublishDigestFunction(DigestRun run, ILogger<DigestRun> logger)
{
    public const string Name = "PublishDigest";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            var result = await run.RunAsync(cancellationToken);
            DigestLog.RunFinished(logger, timer.IsPastDue, result.ToString());
        }
        catch (Exception ex) when (ex is InvalidOperationException or Azure.RequestFailedException or JsonException)
        {
            DigestLog.RunFailed(logger, ex.Message);
            throw;
        }
    }
}
