using Jamsostek.Functions.Access;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

/// <summary>
/// /api/manage/keys (authLevel admin: the host checks the master key): POST creates a key scoped to regions (or all)
/// with or without personal-data permission, GET lists the keys, DELETE /{keyId} revokes one. No redeploy needed.
/// </summary>
[RequiresMasterKey]
public sealed class ManageKeysFunction(ApiKeyStore keys, TimeProvider time, ILogger<ApiKeyStore> logger)
{
    [Function("ManageKeys")]
    [ApiOperation("Operations", "POST: create an access key (shown in this answer only); GET: every key; DELETE /{keyId}: revoke a key (stops working within 30 seconds).")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", "post", "delete", Route = "api/manage/keys/{keyId?}")] HttpRequest request, string? keyId,
        CancellationToken cancellationToken)
    {
        switch (request.Method, keyId)
        {
            case ("GET", null):
                return await KeysApi.ListAsync(keys, cancellationToken);
            case ("POST", null):
                var (body, problem) = await ApiBody.ReadAsync(request, ApiJsonContext.Default.CreateKeyRequest,
                    "{\"name\": \"...\", \"regions\": [\"5204\"] or [\"*\"], \"pii\": false, \"upload\": false, \"expiresAt\": \"2027-06-30T00:00:00+07:00\" or null}", cancellationToken);
                return problem ?? (IResult)await KeysApi.CreateAsync(body!, request.HttpContext, keys, time, logger, cancellationToken);
            case ("DELETE", not null):
                return await KeysApi.RevokeAsync(keyId, request.HttpContext, keys, logger, cancellationToken);
            default:
                return ApiProblems.MethodNotAllowed(ApiProblems.LanguageOf(request.HttpContext), request.Method);
        }
    }
}
