using Azure.Storage.Blobs;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.IngestUpload;

/// <summary>
/// Reads an uploaded blob into staged chunks and returns one validation message per chunk: what IngestUpload does
/// for each blob the host hands it, and what reprocessing does for an upload that failed before it was staged. The
/// same blob with the same content (a retry, a restart) is the same upload and queues nothing twice; the same
/// content under another blob name is recorded as that blob's duplicate and read no further (<see cref="UploadClaims"/>).
/// The uploaded blob is only read.
/// </summary>
public sealed class BlobIngestion(IngestServices services)
{
    /// <summary>The host's blob trigger attempts (maxDequeueCount of its blob queue) before the poison message.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Ingests the blob <c>uploads/{region}/{name}</c>; returns the chunk messages to queue (none when rejected, a duplicate or seen before).</summary>
    public async Task<string[]> IngestAsync(BlobClient blob, string region, string name, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        await using var content = await UploadContent.ReadAsync(blob, properties.ETag, services.Limits.MaxFileBytes, cancellationToken);
        var regionKnown = RegionCode.TryParse(region, out var code);
        var partition = regionKnown ? code!.Value.Value : UploadIds.InvalidRegionPartition;
        var etag = properties.ETag.ToString();

        var claim = await services.Claims.ClaimAsync(partition, $"{region}/{name}", etag, content.Sha256, content.Length, cancellationToken);
        var record = claim.Record;
        if (claim.Holder is { } holder)
        {
            IngestLog.Duplicate(services.Logger, record.UploadId, holder.UploadId, holder.Status, claim.Created);
            return [];
        }
        if (record is { Status: UploadStatus.Validating, Chunks: > 0 } && record.BlobETag == etag)
        {
            // The host runs this blob version again: the invocation that staged it did not finish (its messages may
            // never have been written). Queue them again; ValidateChunk skips chunks already done.
            IngestLog.Requeued(services.Logger, record.UploadId, record.Chunks);
            return ChunkMessages(record.UploadId, partition, record.Chunks);
        }
        if (record.Status != UploadStatus.Received)
        {
            IngestLog.SameContentAgain(services.Logger, record.UploadId, record.Status);
            return [];
        }
        if (!claim.Created)
        {
            // Received: claimed by the portal's upload, or read before by an attempt that failed.
            record.BlobETag = etag;
            record.ContentLength = content.Length;
            await services.Uploads.SaveAsync(record, cancellationToken);
        }
        return await StageAsync(record, content, regionKnown ? code!.Value : null, region, name, cancellationToken);
    }

    private async Task<string[]> StageAsync(UploadRecord record, UploadContent content, RegionCode? region, string folder, string name,
        CancellationToken cancellationToken)
    {
        var uploadId = record.RowKey;
        var sink = new StagingChunkSink(services.Staging, uploadId);
        try
        {
            if (region is null)
            {
                throw new UploadRejectedException(Core.Findings.FindingCode.RegionMismatch, "the upload folder is not a region code", folder);
            }
            if (content.Truncated)
            {
                throw new UploadRejectedException(Core.Findings.FindingCode.FileTooLarge, $"{content.Length} bytes", content.Length, services.Limits.MaxFileBytes);
            }
            var today = RegionTimeZone.Today(region.Value, record.ReceivedAt);
            var result = await UploadIngestor.IngestAsync(content.File, name, region.Value, sink,
                new IngestionOptions { Limits = services.Limits, Today = today, Clock = services.Time }, cancellationToken);
            await sink.FlushAsync();
            await RecordStagedAsync(record, result, sink.RowsWritten, today, cancellationToken);
            return ChunkMessages(uploadId, record.PartitionKey, result.Chunks);
        }
        catch (UploadRejectedException rejection)
        {
            // A rejected upload keeps nothing, not even the chunks written before the problem showed.
            await sink.SettleAsync();
            await services.Staging.DeleteUploadAsync(uploadId, cancellationToken);
            await RecordRejectedAsync(record, rejection, cancellationToken);
            return [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await sink.SettleAsync();
            await RecordFailedAttemptAsync(record, ex);
            throw;
        }
    }

    /// <summary>The upload is staged: its manifest is written and its record says what was read and how it was chunked.</summary>
    private async Task RecordStagedAsync(UploadRecord record, IngestionResult result, int rowsChunked, DateOnly today, CancellationToken cancellationToken)
    {
        record.Status = UploadStatus.Validating;
        record.SheetKind = result.Kind;
        record.SnapshotDate = result.Kind == SheetKind.Compliance ? Storage.IsoDate.Format(result.DataDate ?? today) : null;
        record.Format = result.Format.ToString().ToLowerInvariant();
        record.Sheet = result.Sheet;
        record.HeaderRow = result.HeaderRow;
        record.RowsRead = result.RowsRead;
        record.BlankRows = result.BlankRows;
        record.RowsChunked = rowsChunked;
        record.Chunks = result.Chunks;
        record.ChunkSize = result.ChunkSize;
        await services.Staging.WriteAsync(StagingStore.ManifestBlobName(record.UploadId), StagingManifest.Serialize(record, result), cancellationToken);
        await services.Uploads.SaveAsync(record, cancellationToken);
        IngestLog.Staged(services.Logger, record.UploadId, result.RowsRead, result.Chunks);
    }

    /// <summary>The file is unusable: the record keeps the reason in both languages.</summary>
    private async Task RecordRejectedAsync(UploadRecord record, UploadRejectedException rejection, CancellationToken cancellationToken)
    {
        record.Status = UploadStatus.Rejected;
        record.RejectionCode = rejection.Code;
        record.RejectionMessage = FileMessages.For(rejection, Language.Id);
        record.RejectionMessageEn = FileMessages.For(rejection, Language.En);
        await services.Uploads.SaveAsync(record, cancellationToken);
        IngestLog.Rejected(services.Logger, record.UploadId, rejection.Code, rejection.Detail);
    }

    /// <summary>
    /// Our fault, or storage's: the host retries the blob. The attempts are counted so that the last one leaves the
    /// upload "failed" with its reason instead of "received" for ever.
    /// </summary>
    private async Task RecordFailedAttemptAsync(UploadRecord record, Exception ex)
    {
        UploadFailure.Apply(record, UploadFailure.ReadFailed, record.FailedAttempts + 1);
        record.Status = record.FailedAttempts >= MaxAttempts ? UploadStatus.Failed : UploadStatus.Received;
        await services.Uploads.SaveAsync(record, CancellationToken.None);
        IngestLog.Failed(services.Logger, record.UploadId, record.FailedAttempts, ex.GetType().Name);
    }

    public static string[] ChunkMessages(string uploadId, string region, int chunks) =>
        [.. Enumerable.Range(1, chunks).Select(chunk => System.Text.Json.JsonSerializer.Serialize(
            new ChunkMessage(uploadId, region, chunk, chunks, StagingStore.ChunkBlobName(uploadId, chunk)),
            StagingJsonContext.Default.ChunkMessage))];
}
