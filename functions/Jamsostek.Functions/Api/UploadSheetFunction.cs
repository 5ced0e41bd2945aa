using Azure.Storage.Blobs;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class UploadSheetFunction(BlobServiceClient blobs, UploadClaims claims, ILogger<UploadStore> logger)
{
    [Function("UploadSheet")]
    [ApiOperation("Reports", "Upload a sheet (the request body) to a region, as uploads/{region}/{file}; answers the upload id to follow (or the duplicate record when the region has this content already).",
        Query = ["region", "file", "lang"])]
    public Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads")] HttpRequest request, CancellationToken cancellationToken) =>
        UploadSheetApi.UploadAsync(request.HttpContext, blobs, claims, logger, cancellationToken);
}
