using Jamsostek.Functions.Access;
using Jamsostek.Functions.Compliance;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class ComplianceReportFunction(ComplianceReader reader, ILogger<ComplianceReader> logger)
{
    [Function("ComplianceReport")]
    [ApiOperation("Reports", "Employers in arrears at the region's latest compliance snapshot (on or before asOf): amount, months, aging bucket, follow-up step and since when, totals per bucket, changes since the previous snapshot; 404 when no compliance sheet has been uploaded; format=json, csv or xlsx.",
        Query = ["region", "asOf", "format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/compliance")] HttpRequest request, CancellationToken cancellationToken) =>
        ComplianceReportApi.GetAsync(request.HttpContext, reader, logger, cancellationToken);
}
