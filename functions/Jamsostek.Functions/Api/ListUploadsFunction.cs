using Jamsostek.Functions.Access;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class ListUploadsFunction(UploadStore uploads, ILogger<UploadStore> logger)
{
    [Function("ListUploads")]
    [ApiOperation("Reports", "A region's uploads (or every upload the key may see), newest first.", Query = ["region", "lang"])]
    public Task<Results<Ok<UploadList>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/uploads")] HttpRequest request, CancellationToken cancellationToken) =>
        UploadsApi.ListAsync(request.HttpContext, uploads, logger, cancellationToken);
}
