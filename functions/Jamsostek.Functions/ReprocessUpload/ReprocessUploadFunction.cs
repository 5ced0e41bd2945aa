using Jamsostek.Functions.Access;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.ReprocessUpload;

/// <summary>POST /api/manage/uploads/{uploadId}/reprocess (authLevel admin: the master key).</summary>
[RequiresMasterKey]
public sealed class ReprocessUploadFunction(UploadReprocessing reprocessing)
{
    [Function("ReprocessUpload")]
    [ApiOperation("Operations", "Pick a failed upload up where it stopped: queue its unfinished chunks, read its file again, or finalize it.")]
    public Task<Results<Accepted<ReprocessResponse>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/manage/uploads/{uploadId}/reprocess")] HttpRequest request, string uploadId,
        CancellationToken cancellationToken) =>
        reprocessing.ReprocessAsync(uploadId, cancellationToken);
}
