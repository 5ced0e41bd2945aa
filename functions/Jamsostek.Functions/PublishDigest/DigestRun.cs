using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Recipients;
using Jamsostek.Functions.Uploads;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>How one run went: each recipient counted once, under what the run did about their current week's digest.</summary>
public sealed record DigestRunResult(int Recipients, int Sent, int Failed, int AlreadySent, int InFlight, int GaveUp)
{
    public override string ToString() =>
        $"{Recipients} recipients: {Sent} sent, {Failed} failed, {AlreadySent} sent before, {InFlight} being sent by another run, {GaveUp} given up this week";
}

/// <summary>
/// One run of the digest: for every recipient, the digest week current in their region's time zone
/// (<see cref="DigestWeek.For"/>), claimed in the ledger, composed, sent and recorded. Whatever fires it (the hourly
/// timer, a past-due catch-up, an operator's admin call, a second instance), a digest goes out once per recipient and
/// week: the ledger row is inserted before anything is sent, and a failed send is retried by the next run.
/// </summary>
public sealed class DigestRun(
    RecipientStore recipients,
    DigestLedgerStore ledger,
    AgreementStore agreements,
    CoverageStore coverage,
    UploadStore uploads,
    ComplianceReader compliance,
    DigestMailer mailer,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestRun> logger)
{
    private static readonly string Instance =
        $"{(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 12 } id ? id[..12] : Environment.MachineName)}/{Environment.ProcessId}";

    public async Task<DigestRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var all = await recipients.ListAsync(cancellationToken: cancellationToken);
        await using var smtp = mailer.OpenSession();
        var run = new DigestRunState(new DigestFiguresSource(agreements, coverage, uploads, compliance, settings), smtp);
        foreach (var entity in all)
        {
            if (RegionCode.TryParse(entity.Region, out var region))
            {
                await DigestForAsync(entity, region.Value, settings, run, cancellationToken);
            }
        }
        return new DigestRunResult(all.Count, run.Sent, run.Failed, run.AlreadySent, run.InFlight, run.GaveUp);
    }

    /// <summary>The recipient's digest of the week current in their region: claimed, then sent, or counted as skipped.</summary>
    private async Task DigestForAsync(RecipientEntity entity, RegionCode region, DigestOptions settings, DigestRunState run, CancellationToken cancellationToken)
    {
        var recipient = entity.ToRecipient();
        var now = time.GetUtcNow();
        var week = DigestWeek.For(region, now);
        var claimed = await ClaimAsync(recipient, week, now, settings, run, cancellationToken);
        if (claimed is null)
        {
            return;
        }
        if (run.SmtpDown is { } smtpDown)
        {
            await ledger.MarkFailedAsync(claimed, now, smtpDown, CancellationToken.None);
            DigestLog.Failed(logger, recipient.Id, week.ToString(), claimed.Attempts, smtpDown);
            run.Failed++;
            return;
        }
        await SendAsync(entity, recipient, week, now, claimed, settings, run, cancellationToken);
    }

    /// <summary>
    /// The ledger entry this run now holds for the recipient's week; null when the ledger says to leave it (sent, in
    /// flight, given up, or claimed by another run a moment ago), counted under that reason.
    /// </summary>
    private async Task<DigestLedgerEntity?> ClaimAsync(DigestRecipient recipient, DigestWeek week, DateTimeOffset now, DigestOptions settings, DigestRunState run,
        CancellationToken cancellationToken)
    {
        var entry = await ledger.FindAsync(week.ToString(), recipient.Id, cancellationToken);
        var action = DigestLedgerPolicy.Decide(entry?.State, now, settings.MaxAttempts, settings.ClaimTimeout);
        if (action is DigestAction.Claim or DigestAction.Retry or DigestAction.TakeOverStale && mailer.ConfigurationProblem is { } problem)
        {
            // Nothing claimed: a wrong configuration must not use up anyone's attempts.
            throw new InvalidOperationException(problem);
        }
        var claimed = action switch
        {
            DigestAction.Claim => await ledger.TryClaimAsync(week.ToString(), recipient.Id, recipient.Region, now, Instance, cancellationToken),
            DigestAction.Retry or DigestAction.TakeOverStale => await ledger.TryTakeOverAsync(entry!, now, Instance, cancellationToken),
            _ => null,
        };
        if (claimed is null)
        {
            switch (action)
            {
                case DigestAction.SkipSent:
                    run.AlreadySent++;
                    break;
                case DigestAction.SkipGaveUp:
                    run.GaveUp++;
                    break;
                default:
                    // Skipped as in flight, or another run won the claim a moment ago.
                    run.InFlight++;
                    break;
            }
        }
        return claimed;
    }

    /// <summary>Composes and sends the claimed digest and records the outcome in the ledger, sent or failed.</summary>
    private async Task SendAsync(RecipientEntity entity, DigestRecipient recipient, DigestWeek week, DateTimeOffset now, DigestLedgerEntity claimed,
        DigestOptions settings, DigestRunState run, CancellationToken cancellationToken)
    {
        try
        {
            var (previous, since) = await PreviousAsync(entity, week, now, settings, cancellationToken);
            var regionFigures = await run.Figures.BuildAsync(recipient.Region, now, since, cancellationToken);
            var digest = DigestComposer.Compose(recipient, regionFigures, previous, week);
            var (png, compliancePng) = run.ChartsOf(recipient, digest);
            var workbook = await DigestWorkbook.ToBytesAsync(digest.Tables, cancellationToken);
            var message = mailer.Build(recipient, week, digest, png, workbook, now, compliancePng);
            await run.Smtp.SendAsync(message, cancellationToken);
            await ledger.MarkSentAsync(claimed, time.GetUtcNow(), message.MessageId ?? "",
                JsonSerializer.Serialize(regionFigures.Snapshot(week), DigestJsonContext.Default.DigestSnapshot), CancellationToken.None);
            await recipients.SetLastSentWeekAsync(recipient.Id, week.ToString(), CancellationToken.None);
            DigestLog.Sent(logger, recipient.Id, week.ToString(), recipient.Region, claimed.Attempts);
            run.Sent++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = DigestMailer.Describe(ex);
            if (ex is SmtpUnavailableException)
            {
                // The rest of this run would fail the same way: record them as failed attempts without trying.
                run.SmtpDown = error;
            }
            await ledger.MarkFailedAsync(claimed, time.GetUtcNow(), error, CancellationToken.None);
            DigestLog.Failed(logger, recipient.Id, week.ToString(), claimed.Attempts, error);
            run.Failed++;
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: say so, so the next run retries at once instead of waiting out the claim.
            await ledger.MarkFailedAsync(claimed, time.GetUtcNow(), "Interrupted: the host stopped during the send.", CancellationToken.None);
            throw;
        }
    }

    /// <summary>What the recipient's last digest said, and since when uploads are news (that digest, or a week back for a first one).</summary>
    private async Task<(DigestSnapshot? Previous, DateTimeOffset Since)> PreviousAsync(RecipientEntity recipient, DigestWeek week, DateTimeOffset now,
        DigestOptions settings, CancellationToken cancellationToken)
    {
        var firstSince = now.AddDays(-settings.FirstDigestUploadDays);
        if (recipient.LastSentWeek is not { } last || last == week.ToString())
        {
            return (null, firstSince);
        }
        var entry = await ledger.FindAsync(last, recipient.Id, cancellationToken);
        if (entry is not { Status: DigestStatus.Sent, Snapshot: { } json })
        {
            return (null, firstSince);
        }
        try
        {
            return (JsonSerializer.Deserialize(json, DigestJsonContext.Default.DigestSnapshot), entry.SentAt ?? firstSince);
        }
        catch (JsonException)
        {
            return (null, entry.SentAt ?? firstSince);
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DigestSnapshot))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;

/// <summary>Recipient ids, weeks and regions: never a name or an address.</summary>
internal static partial class DigestLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Digest run (past due {IsPastDue}): {Result}")]
    public static partial void RunFinished(ILogger logger, bool isPastDue, string result);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Digest {Week} sent to recipient {RecipientId} (region {Region}, attempt {Attempt})")]
    public static partial void Sent(ILogger logger, string recipientId, string week, string region, int attempt);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Digest {Week} to recipient {RecipientId} failed on attempt {Attempt}: {Error}")]
    public static partial void Failed(ILogger logger, string recipientId, string week, int attempt, string error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Digest run failed: {Error}")]
    public static partial void RunFailed(ILogger logger, string error);
}
