using Jamsostek.Functions.Access;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Uploads;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class GetRejectedRowsFunction(UploadStore uploads, ReportStore reports, ILogger<UploadStore> logger)
{
    [Function("GetRejectedRows")]
    [ApiOperation("Reports", "The rejected rows as typed, with reasons, to fix and upload again: format=xlsx (default) or csv. Needs personal-data permission.",
        Query = ["format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads/{uploadId}/rejected")] HttpRequest request, string uploadId,
        CancellationToken cancellationToken) =>
        UploadsApi.RejectedAsync(uploadId, request.HttpContext, uploads, reports, logger, cancellationToken);
}
