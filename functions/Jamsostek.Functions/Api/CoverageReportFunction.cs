using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Compliance;
using Jamsostek.Functions.Coverage;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class CoverageReportFunction(AgreementStore agreements, CoverageStore coverage, ComplianceSnapshotStore snapshots, TimeProvider time,
    ILogger<CoverageStore> logger)
{
    [Function("CoverageReport")]
    [ApiOperation("Reports", "Active participants by segment and occupation against targets, on asOf (default today), with the universal-coverage view where the region has compliance snapshots; format=json, csv or xlsx.",
        Query = ["region", "asOf", "format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/coverage")] HttpRequest request, CancellationToken cancellationToken) =>
        CoverageReportApi.GetAsync(request.HttpContext, agreements, coverage, snapshots, time, logger, cancellationToken);
}
