using Jamsostek.Core.Ingestion;
using Jamsostek.Functions.CustomHandler;

namespace Jamsostek.Functions.IngestUpload;

/// <summary>The blob trigger's request, its content decoded to a temporary file as it arrives.</summary>
public sealed class UploadInvocation(StreamedInvocation streamed)
{
    public StreamedInvocation Streamed { get; } = streamed;

    public static async ValueTask<UploadInvocation?> BindAsync(HttpContext context)
    {
        // One byte over the limit is kept, so an oversized file is known as such without keeping it whole.
        var streamed = await StreamedInvocation.ReadAsync(context.Request.Body, IngestUploadFunction.ContentBinding,
            IngestionLimits.Default.MaxFileBytes, context.RequestAborted);
        return new UploadInvocation(streamed);
    }
}
