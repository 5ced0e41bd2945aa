using Jamsostek.Functions.Access;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.ManageDigest;
using Jamsostek.Functions.Recipients;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.ManageRecipients;

/// <summary>
/// /api/manage/recipients (authLevel admin): the digest recipients, managed without a redeploy. GET lists them (or
/// one region's: region=5204) or one by id; POST adds one; PUT /{recipientId} creates or replaces one; DELETE removes one.
/// </summary>
[RequiresMasterKey]
public sealed class ManageRecipientsFunction(RecipientStore store, TimeProvider time, ILogger<RecipientStore> logger)
{
    private const string BodyShape = "{\"region\": \"5204\", \"name\": \"...\", \"role\": \"...\", \"email\": \"...\", \"language\": \"id\"}";

    [Function("ManageRecipients")]
    [ApiOperation("Operations", "Digest recipients: GET (all, region=5204, or /{recipientId}), POST to add, PUT /{recipientId} to create or replace, DELETE /{recipientId}.",
        Query = ["region"])]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", "post", "put", "delete", Route = "api/manage/recipients/{recipientId?}")] HttpRequest request,
        string? recipientId, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        switch (request.Method, recipientId)
        {
            case ("GET", null):
                return await RecipientsApi.ListAsync(context, store, cancellationToken);
            case ("GET", not null):
                return await RecipientsApi.GetAsync(recipientId, context, store, cancellationToken);
            case ("POST", null):
            {
                var (body, problem) = await ApiBody.ReadAsync(request, DigestApiJsonContext.Default.RecipientRequest, BodyShape, cancellationToken);
                return problem ?? (IResult)await RecipientsApi.CreateAsync(body!, context, store, time, logger, cancellationToken);
            }
            case ("PUT", not null):
            {
                var (body, problem) = await ApiBody.ReadAsync(request, DigestApiJsonContext.Default.RecipientRequest, BodyShape, cancellationToken);
                return problem ?? (IResult)await RecipientsApi.PutAsync(recipientId, body!, context, store, time, logger, cancellationToken);
            }
            case ("DELETE", not null):
                return await RecipientsApi.DeleteAsync(recipientId, context, store, logger, cancellationToken);
            default:
                return ApiProblems.MethodNotAllowed(ApiProblems.LanguageOf(context), request.Method);
        }
    }
}
