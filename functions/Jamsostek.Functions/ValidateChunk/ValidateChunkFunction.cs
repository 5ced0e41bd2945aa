using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Uploads;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>
/// ValidateChunk (queue trigger on <c>validation</c>): validates one chunk, stores what passes, and finalizes the
/// upload when it was the last chunk to finish. A failure fails the invocation, so the host retries the message; on
/// the last attempt (the message's dequeue count from its binding data) the upload is marked <c>failed</c> with the
/// reason before the message goes to the poison queue.
/// </summary>
public sealed class ValidateChunkFunction(ChunkValidation validation, UploadFinalizer finalizer, ValidationServices services)
{
    public const string Name = "ValidateChunk";

    /// <summary>
    /// Chunks validated at once in this process. The host delivers 16 at a time (host.json batchSize); past a few the
    /// storage account is the limit (TableBatches.MaxInFlight), and each waiting chunk would only hold its rows and
    /// entities in memory. The others wait their turn here, their messages leased by the host meanwhile.
    /// </summary>
    public const int MaxConcurrentChunks = 4;

    private static readonly SemaphoreSlim Running = new(MaxConcurrentChunks, MaxConcurrentChunks);

    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueNames.Validation)] ChunkMessage message, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            await Running.WaitAsync(cancellationToken);
            try
            {
                await validation.ValidateAsync(message, cancellationToken);
            }
            finally
            {
                Running.Release();
            }
            await finalizer.TryFinalizeAsync(message.Region, message.UploadId, cancellationToken);
        }
        catch (Exception ex) when (dequeueCount >= ValidationServices.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await MarkFailedAsync(services, message, (int)dequeueCount, ex, cancellationToken);
            throw;
        }
    }

    /// <summary>The last attempt failed: the upload says so instead of staying "validating" for ever.</summary>
    private static async Task MarkFailedAsync(ValidationServices services, ChunkMessage message, int attempt, Exception ex, CancellationToken cancellationToken)
    {
        ValidationLog.ChunkFailed(services.Logger, message.UploadId, message.Chunk, attempt, ValidationServices.MaxDequeueCount, ex.GetType().Name);
        try
        {
            var record = await services.Uploads.FindAsync(message.Region, message.UploadId, cancellationToken);
            if (record is not null && !UploadStatus.IsFinal(record.Status))
            {
                record.Status = UploadStatus.Failed;
                UploadFailure.Apply(record, UploadFailure.ValidationFailed, attempt);
                // Under the ETag read above: an upload another chunk finalized meanwhile stays final.
                await services.Uploads.TryReplaceAsync(record, cancellationToken);
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Storage itself is failing: the poison message still tells the operator.
        }
    }
}
