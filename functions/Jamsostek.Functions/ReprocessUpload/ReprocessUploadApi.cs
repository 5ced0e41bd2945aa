using System.Text.Json.Serialization;

namespace Jamsostek.Functions.ReprocessUpload;

/// <summary>
/// POST /api/manage/uploads/{uploadId}/reprocess (function ReprocessUpload, authLevel admin: the master key): picks a
/// failed (or stuck) upload up where it stopped. Staged but not validated: the chunks without a result are queued
/// again. Failed while reading (nothing staged): the blob is read again. Every chunk done but not final: finalized
/// now. The status changes first, under the record's ETag, so a chunk finishing meanwhile makes this a 409 rather
/// than being overwritten; and if queueing fails after that, the upload goes back to failed, never left validating.
/// A duplicate (the same content as another upload) holds nothing to reprocess: 409, naming the upload that holds it.
/// </summary>
public static class ReprocessUploadApi
{
    public static IHostApplicationBuilder AddReprocessUpload(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ReprocessJsonContext.Default));
        builder.Services.AddSingleton<UploadReprocessing>();
        return builder;
    }
}

public sealed record ReprocessResponse(
    [property: JsonPropertyName("uploadId")] string UploadId,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("requeuedChunks")] IReadOnlyList<int> RequeuedChunks);

[JsonSerializable(typeof(ReprocessResponse))]
internal sealed partial class ReprocessJsonContext : JsonSerializerContext;
