using Jamsostek.Functions.Access;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Uploads;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class GetUploadFindingsFunction(UploadStore uploads, ReportStore reports, ILogger<UploadStore> logger)
{
    [Function("GetUploadFindings")]
    [ApiOperation("Reports", "Every finding of an upload: format=json (the findings report), csv or xlsx (one finding a row).", Query = ["format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads/{uploadId}/findings")] HttpRequest request, string uploadId,
        CancellationToken cancellationToken) =>
        UploadsApi.FindingsAsync(uploadId, request.HttpContext, uploads, reports, logger, cancellationToken);
}
