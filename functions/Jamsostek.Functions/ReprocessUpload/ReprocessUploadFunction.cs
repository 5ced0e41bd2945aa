using Azure.Storage.Queues;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.ReprocessUpload;

/// <summary>POST /api/manage/uploads/{uploadId}/reprocess (authLevel admin: the master key).</summary>
public sealed class ReprocessUploadFunction(UploadStore uploads, ChunkResultStore chunks, QueueServiceClient queues)
{
    [Function("ReprocessUpload")]
    [ApiOperation("Operations", "Queue the unfinished chunks of a failed upload again.")]
    public Task<Results<Accepted<ReprocessResponse>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/manage/uploads/{uploadId}/reprocess")] HttpRequest request, string uploadId,
        CancellationToken cancellationToken) =>
        ReprocessUploadApi.ReprocessAsync(uploadId, uploads, chunks, queues, cancellationToken);
}
