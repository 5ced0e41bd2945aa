using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.Functions.IngestUpload;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Storage;
using Jamsostek.Functions.Uploads;
using Jamsostek.Functions.ValidateChunk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.ReprocessUpload;

/// <summary>The three ways an upload is picked up again (see <see cref="ReprocessUploadApi"/>).</summary>
public sealed class UploadReprocessing(UploadStore uploads, ChunkResultStore chunks, QueueServiceClient queues, BlobServiceClient blobs,
    BlobIngestion ingestion, UploadFinalizer finalizer)
{
    public async Task<Results<Accepted<ReprocessResponse>, ProblemHttpResult>> ReprocessAsync(string uploadId, CancellationToken cancellationToken)
    {
        var record = await uploads.FindAsync(UploadIds.RegionOf(uploadId), uploadId, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem($"No upload has the id {uploadId}.", statusCode: StatusCodes.Status404NotFound, title: "Upload not found");
        }
        if (record.Status == UploadStatus.Duplicate)
        {
            return Conflict($"The upload is a duplicate of {record.DuplicateOf} ({record.DuplicateOfBlob}): the same content under another name, "
                + $"never read, so there is nothing of its own to reprocess. Reprocess {record.DuplicateOf} if that one failed.");
        }
        if (record.Status is not (UploadStatus.Failed or UploadStatus.Validating))
        {
            return Conflict($"The upload is {record.Status}; only failed or validating uploads are reprocessed. Upload the file again instead.");
        }
        if (record.Chunks == 0)
        {
            return await ReadAgainAsync(record, cancellationToken);
        }
        var done = (await chunks.ListAsync(uploadId, cancellationToken))
            .Select(result => int.Parse(result.RowKey, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var missing = Enumerable.Range(1, record.Chunks).Where(chunk => !done.Contains(chunk)).ToList();
        if (!await TrySwitchAsync(record, UploadStatus.Validating, cancellationToken))
        {
            return ChangedMeanwhile();
        }
        if (missing.Count == 0)
        {
            await finalizer.TryFinalizeAsync(record.Region, uploadId, cancellationToken);
            return Accepted(record, "finalized", []);
        }
        try
        {
            var queue = queues.GetQueueClient(QueueNames.Validation);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            foreach (var chunk in missing)
            {
                var message = new ChunkMessage(uploadId, record.Region, chunk, record.Chunks, StagingStore.ChunkBlobName(uploadId, chunk));
                await queue.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(message, StagingJsonContext.Default.ChunkMessage), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException)
        {
            await BackToFailedAsync(record);
            throw;
        }
        return Accepted(record, "requeued", missing);
    }

    /// <summary>Nothing was staged (IngestUpload failed on every attempt): the blob is read again, as the trigger would.</summary>
    private async Task<Results<Accepted<ReprocessResponse>, ProblemHttpResult>> ReadAgainAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var separator = record.BlobName.IndexOf('/');
        var blob = blobs.GetBlobContainerClient(UploadBlobNames.Container).GetBlobClient(record.BlobName);
        if (separator <= 0 || !await blob.ExistsAsync(cancellationToken))
        {
            return Conflict($"The uploaded file uploads/{record.BlobName} is no longer there; upload it again.");
        }
        record.FailedAttempts = 0;
        if (!await TrySwitchAsync(record, UploadStatus.Received, cancellationToken))
        {
            return ChangedMeanwhile();
        }
        string[] messages;
        try
        {
            messages = await ingestion.IngestAsync(blob, record.BlobName[..separator], record.BlobName[(separator + 1)..], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ingestion marked the attempt; one attempt is all an operator's call gets.
            if (await uploads.FindAsync(record.Region, record.RowKey, CancellationToken.None) is { Status: UploadStatus.Received } again)
            {
                again.Status = UploadStatus.Failed;
                await uploads.TryReplaceAsync(again, CancellationToken.None);
            }
            throw;
        }
        var queue = queues.GetQueueClient(QueueNames.Validation);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var message in messages)
        {
            await queue.SendMessageAsync(message, cancellationToken);
        }
        var after = await uploads.FindAsync(record.Region, record.RowKey, cancellationToken) ?? record;
        return Accepted(after, "read_again", [.. Enumerable.Range(1, messages.Length)]);
    }

    private async Task<bool> TrySwitchAsync(UploadRecord record, string status, CancellationToken cancellationToken)
    {
        record.Status = status;
        record.FailureCode = null;
        record.FailureReason = null;
        return await uploads.TryReplaceAsync(record, cancellationToken);
    }

    private async Task BackToFailedAsync(UploadRecord record)
    {
        if (await uploads.FindAsync(record.Region, record.RowKey, CancellationToken.None) is { Status: UploadStatus.Validating } current)
        {
            current.Status = UploadStatus.Failed;
            UploadFailure.Apply(current, UploadFailure.ValidationFailed, current.FailedAttempts);
            await uploads.TryReplaceAsync(current, CancellationToken.None);
        }
    }

    private static Accepted<ReprocessResponse> Accepted(UploadRecord record, string action, IReadOnlyList<int> chunks) =>
        TypedResults.Accepted($"/api/uploads/{record.RowKey}", new ReprocessResponse(record.RowKey, action, chunks));

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Upload cannot be reprocessed");

    private static ProblemHttpResult ChangedMeanwhile() =>
        Conflict("The upload changed while it was being reprocessed (a chunk finished meanwhile); look at its status and try again if it is still failed.");
}
