using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class CoverageReportFunction(AgreementStore agreements, CoverageStore coverage, TimeProvider time, ILogger<CoverageStore> logger)
{
    [Function("CoverageReport")]
    [ApiOperation("Reports", "Active participants by segment and occupation against targets, on asOf (default today); format=json, csv or xlsx.",
        Query = ["region", "asOf", "format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/coverage")] HttpRequest request, CancellationToken cancellationToken) =>
        CoverageReportApi.GetAsync(request.HttpContext, agreements, coverage, time, logger, cancellationToken);
}
