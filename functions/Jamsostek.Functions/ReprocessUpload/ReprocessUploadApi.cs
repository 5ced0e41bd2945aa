using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Queues;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.ReprocessUpload;

/// <summary>
/// POST /api/manage/uploads/{uploadId}/reprocess (function ReprocessUpload, authLevel admin: the master key):
/// queues again every chunk of a failed (or stuck) upload that has no result yet and sets it back to validating.
/// Chunks already done are not repeated; the upload finalizes as usual when the last one is.
/// </summary>
public static class ReprocessUploadApi
{
    public static IHostApplicationBuilder AddReprocessUpload(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ReprocessJsonContext.Default));
        return builder;
    }

    internal static async Task<Results<Accepted<ReprocessResponse>, ProblemHttpResult>> ReprocessAsync(
        string uploadId, UploadStore uploads, ChunkResultStore chunks, QueueServiceClient queues, CancellationToken cancellationToken)
    {
        var record = await uploads.FindAsync(UploadIds.RegionOf(uploadId), uploadId, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem($"No upload has the id {uploadId}.", statusCode: StatusCodes.Status404NotFound, title: "Upload not found");
        }
        if (record.Status is not (UploadStatus.Failed or UploadStatus.Validating))
        {
            return TypedResults.Problem($"The upload is {record.Status}; only failed or validating uploads are reprocessed. Upload the file again instead.",
                statusCode: StatusCodes.Status409Conflict, title: "Upload cannot be reprocessed");
        }
        var done = (await chunks.ListAsync(uploadId, cancellationToken)).Select(result => int.Parse(result.RowKey, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var queue = queues.GetQueueClient(QueueNames.Validation);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var requeued = new List<int>();
        for (var chunk = 1; chunk <= record.Chunks; chunk++)
        {
            if (done.Contains(chunk))
            {
                continue;
            }
            var message = new ChunkMessage(uploadId, record.Region, chunk, record.Chunks, StagingStore.ChunkBlobName(uploadId, chunk));
            await queue.SendMessageAsync(JsonSerializer.Serialize(message, StagingJsonContext.Default.ChunkMessage), cancellationToken);
            requeued.Add(chunk);
        }
        record.Status = UploadStatus.Validating;
        record.FailureReason = null;
        await uploads.SaveAsync(record, cancellationToken);
        return TypedResults.Accepted($"/api/uploads/{uploadId}", new ReprocessResponse(uploadId, requeued));
    }
}

public sealed record ReprocessResponse(
    [property: JsonPropertyName("uploadId")] string UploadId,
    [property: JsonPropertyName("requeuedChunks")] IReadOnlyList<int> RequeuedChunks);

[JsonSerializable(typeof(ReprocessResponse))]
internal sealed partial class ReprocessJsonContext : JsonSerializerContext;
