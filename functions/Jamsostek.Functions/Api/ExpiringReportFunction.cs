using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class ExpiringReportFunction(AgreementStore agreements, CoverageStore coverage, TimeProvider time, ILogger<AgreementStore> logger)
{
    [Function("ExpiringReport")]
    [ApiOperation("Reports", "Agreements lapsing within withinDays (default 60) with the participants who lose cover.", Query = ["region", "withinDays", "lang"])]
    public Task<Results<Ok<ExpiringReport>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/expiring")] HttpRequest request, CancellationToken cancellationToken) =>
        ExpiringReportApi.GetAsync(request.HttpContext, agreements, coverage, time, logger, cancellationToken);
}
