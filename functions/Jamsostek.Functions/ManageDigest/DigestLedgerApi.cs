using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.ManageRecipients;
using Jamsostek.Functions.PublishDigest;
using Jamsostek.Functions.Recipients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.ManageDigest;

/// <summary>
/// /api/manage/digest (function ManageDigest, authLevel admin): the send ledger as an operator reads it. Without a
/// week: every recipient with the digest week current in their region and where it stands (pending, sending, sent,
/// failed with the last error and attempts, or given up); with <c>/{week}</c>: that week's entries. DELETE
/// <c>/{week}/{recipientId}</c> forgets an entry, so the next run sends that digest (again).
/// </summary>
public static class DigestLedgerApi
{
    public const string Pending = "pending";

    internal static async Task<Ok<DigestLedgerList>> CurrentAsync(RecipientStore recipients, DigestLedgerStore ledger, TimeProvider time,
        IOptions<DigestOptions> options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lines = new List<DigestLedgerLine>();
        var weeks = new Dictionary<string, Dictionary<string, DigestLedgerEntity>>(StringComparer.Ordinal);
        foreach (var recipient in await recipients.ListAsync(cancellationToken: cancellationToken))
        {
            if (!RegionCode.TryParse(recipient.Region, out var region))
            {
                continue;
            }
            var week = DigestWeek.For(region.Value, now);
            if (!weeks.TryGetValue(week.ToString(), out var entries))
            {
                weeks[week.ToString()] = entries = (await ledger.ListAsync(week.ToString(), cancellationToken)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
            }
            lines.Add(DigestLedgerLine.From(week.ToString(), recipient, entries.GetValueOrDefault(recipient.RowKey), week.StartsAt(region.Value), now, options.Value));
        }
        return TypedResults.Ok(new DigestLedgerList(now, lines));
    }

    internal static async Task<Results<Ok<DigestLedgerList>, ProblemHttpResult>> WeekAsync(string week, HttpContext context, RecipientStore recipients,
        DigestLedgerStore ledger, TimeProvider time, IOptions<DigestOptions> options, CancellationToken cancellationToken)
    {
        if (!DigestWeek.TryParse(week, out var parsed))
        {
            return BadWeek(context);
        }
        var now = time.GetUtcNow();
        var byId = (await recipients.ListAsync(cancellationToken: cancellationToken)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var lines = (await ledger.ListAsync(parsed.Value.ToString(), cancellationToken))
            .OrderBy(e => e.Region, StringComparer.Ordinal).ThenBy(e => e.RowKey, StringComparer.Ordinal)
            .Select(e => DigestLedgerLine.From(e.PartitionKey, byId.GetValueOrDefault(e.RowKey), e,
                RegionCode.TryParse(e.Region, out var region) ? parsed.Value.StartsAt(region.Value) : null, now, options.Value, e.RowKey, e.Region))
            .ToList();
        return TypedResults.Ok(new DigestLedgerList(now, lines));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ForgetAsync(string week, string recipientId, HttpContext context,
        DigestLedgerStore ledger, ILogger<DigestLedgerStore> logger, CancellationToken cancellationToken)
    {
        if (!DigestWeek.TryParse(week, out var parsed))
        {
            return BadWeek(context);
        }
        if (!await ledger.DeleteAsync(parsed.Value.ToString(), recipientId, cancellationToken))
        {
            var language = ApiProblems.LanguageOf(context);
            return ApiProblems.NotFound(language, language == Language.En ? $"A ledger entry for {recipientId} in {week}" : $"Catatan pengiriman {recipientId} minggu {week}");
        }
        DigestLedgerLog.Forgotten(logger, recipientId, parsed.Value.ToString());
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult BadWeek(HttpContext context)
    {
        var language = ApiProblems.LanguageOf(context);
        return ApiProblems.BadParameter(language, "week", language == Language.En ? "an ISO week such as 2026-W49" : "minggu ISO seperti 2026-W49");
    }
}

public sealed record DigestLedgerList(DateTimeOffset Now, IReadOnlyList<DigestLedgerLine> Entries);

/// <param name="Status">pending (no run has claimed it yet), sending, sent or failed.</param>
/// <param name="DueAt">Monday 07:00 in the recipient's region: when the week's digest became due.</param>
/// <param name="WillRetry">For a failed entry: whether the next run tries again (attempts remain).</param>
public sealed record DigestLedgerLine(string Week, string RecipientId, string Region, string? Name, string Status, int Attempts,
    DateTimeOffset? DueAt, DateTimeOffset? ClaimedAt, DateTimeOffset? SentAt, DateTimeOffset? FailedAt, string? LastError, bool WillRetry, string? MessageId)
{
    public static DigestLedgerLine From(string week, RecipientEntity? recipient, DigestLedgerEntity? entry, DateTimeOffset? dueAt, DateTimeOffset now,
        DigestOptions options, string? recipientId = null, string? region = null)
    {
        var action = DigestLedgerPolicy.Decide(entry?.State, now, options.MaxAttempts, options.ClaimTimeout);
        return new DigestLedgerLine(week, recipient?.RowKey ?? recipientId ?? "", recipient?.Region ?? region ?? "", recipient?.Name,
            entry?.Status ?? DigestLedgerApi.Pending, entry?.Attempts ?? 0, dueAt, entry?.ClaimedAt, entry?.SentAt, entry?.FailedAt, entry?.LastError,
            action is DigestAction.Claim or DigestAction.Retry or DigestAction.TakeOverStale, entry?.MessageId);
    }
}

internal static partial class DigestLedgerLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Digest {Week} of recipient {RecipientId} forgotten by the operator: the next run sends it")]
    public static partial void Forgotten(ILogger logger, string recipientId, string week);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecipientRequest))]
[JsonSerializable(typeof(RecipientInfo))]
[JsonSerializable(typeof(RecipientList))]
[JsonSerializable(typeof(DigestLedgerList))]
internal sealed partial class DigestApiJsonContext : JsonSerializerContext;
