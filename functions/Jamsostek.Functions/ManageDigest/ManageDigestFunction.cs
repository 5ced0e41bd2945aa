using Jamsostek.Functions.Access;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.PublishDigest;
using Jamsostek.Functions.Recipients;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.ManageDigest;

/// <summary>
/// /api/manage/digest (authLevel admin): GET the send ledger of every recipient's current week, GET /{week} one ISO
/// week's (2026-W49), DELETE /{week}/{recipientId} forgets an entry so the next run sends that digest (again).
/// </summary>
[RequiresMasterKey]
public sealed class ManageDigestFunction(RecipientStore recipients, DigestLedgerStore ledger, TimeProvider time, IOptions<DigestOptions> options,
    ILogger<DigestLedgerStore> logger)
{
    [Function("ManageDigest")]
    [ApiOperation("Operations", "The digest send ledger: GET (every recipient's current week), GET /{week} (e.g. 2026-W49), DELETE /{week}/{recipientId} to send again.")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", "delete", Route = "api/manage/digest/{week?}/{recipientId?}")] HttpRequest request,
        string? week, string? recipientId, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        return (request.Method, week, recipientId) switch
        {
            ("GET", null, null) => await DigestLedgerApi.CurrentAsync(recipients, ledger, time, options, cancellationToken),
            ("GET", not null, null) => await DigestLedgerApi.WeekAsync(week, context, recipients, ledger, time, options, cancellationToken),
            ("DELETE", not null, not null) => await DigestLedgerApi.ForgetAsync(week, recipientId, context, ledger, logger, cancellationToken),
            _ => ApiProblems.MethodNotAllowed(ApiProblems.LanguageOf(context), request.Method),
        };
    }
}
