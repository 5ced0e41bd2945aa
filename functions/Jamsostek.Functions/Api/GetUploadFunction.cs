using Jamsostek.Functions.Access;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class GetUploadFunction(UploadStore uploads, ILogger<UploadStore> logger)
{
    [Function("GetUpload")]
    [ApiOperation("Reports", "One upload: status, counts, top rejection reasons.", Query = ["lang"])]
    public Task<Results<Ok<UploadSummary>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads/{uploadId}")] HttpRequest request, string uploadId,
        CancellationToken cancellationToken) =>
        UploadsApi.GetAsync(uploadId, request.HttpContext, uploads, logger, cancellationToken);
}
