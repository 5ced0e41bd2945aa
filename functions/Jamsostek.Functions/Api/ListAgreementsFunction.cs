using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class ListAgreementsFunction(AgreementStore agreements, CoverageStore coverage, TimeProvider time, ILogger<AgreementStore> logger)
{
    [Function("ListAgreements")]
    [ApiOperation("Reports", "A region's agreements (or every one the key may see) with period, targets, participants and days to expiry.",
        Query = ["region", "lang"])]
    public Task<Results<Ok<AgreementList>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/agreements")] HttpRequest request, CancellationToken cancellationToken) =>
        AgreementsApi.ListAsync(request.HttpContext, agreements, coverage, time, logger, cancellationToken);
}
