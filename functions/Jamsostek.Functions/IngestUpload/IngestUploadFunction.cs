using System.Security.Cryptography;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jamsostek.Functions.IngestUpload;

/// <summary>
/// IngestUpload (blobTrigger on uploads/{region}/{name}): reads the sheet into staged chunks and queues one
/// validation message per chunk through its queue output binding. The same content (a retry, a restart, the
/// same file uploaded again) maps to the same upload id and queues nothing twice. The uploaded blob is only read.
/// </summary>
public static class IngestUploadFunction
{
    public const string Name = "IngestUpload";
    public const string ContentBinding = "upload";
    public const string ChunksBinding = "chunks";

    public static IEndpointRouteBuilder MapIngestUpload(this IEndpointRouteBuilder app)
    {
        // The blob arrives base64 in the JSON body, a third larger than the file: a 50 MB upload is a 70 MB request,
        // over Kestrel's 30 MB default. The body is read to its end (keeping at most the limit) so that an oversized
        // file is told as FILE_TOO_LARGE rather than failed as a broken request.
        app.MapPost(FunctionInvocationEndpoints.InvocationRoute(Name), RunAsync).AsFunctionInvocation(Name).WithMetadata(new DisableRequestSizeLimitAttribute());
        return app;
    }

    internal static async Task<Ok<InvocationResponse>> RunAsync(UploadInvocation invocation, IngestServices services, CancellationToken cancellationToken)
    {
        await using var streamed = invocation.Streamed;
        var request = streamed.Request;
        var folder = request.BlobTrigger.PathValue("region") ?? "";
        var name = request.BlobTrigger.PathValue("name") ?? "";
        var blobName = $"{folder}/{name}";
        var response = new InvocationResponse();

        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(streamed.Content, cancellationToken));
        streamed.Content.Position = 0;
        var regionKnown = RegionCode.TryParse(folder, out var region);
        var partition = regionKnown ? region!.Value.Value : UploadIds.InvalidRegionPartition;
        var uploadId = UploadIds.For(partition, sha256);

        var existing = await services.Uploads.FindAsync(partition, uploadId, cancellationToken);
        var etag = request.BlobTrigger.ETag ?? "";
        if (existing is { Status: UploadStatus.Validating, Chunks: > 0 } && existing.BlobETag == etag)
        {
            // The host runs this blob version again: the invocation that staged it did not finish (its messages may
            // never have been written). Queue them again; ValidateChunk skips chunks already done.
            IngestLog.Requeued(services.Logger, uploadId, existing.Chunks);
            return TypedResults.Ok(response.WithQueueMessages(ChunksBinding, ChunkMessages(uploadId, partition, existing.Chunks))
                .WithLog($"Upload {uploadId}: {existing.Chunks} chunks queued again."));
        }
        if (existing is not null && existing.Status != UploadStatus.Received)
        {
            IngestLog.SameContentAgain(services.Logger, uploadId, existing.Status);
            return TypedResults.Ok(response.WithLog($"Upload {uploadId} has this content already ({existing.Status}); nothing queued."));
        }
        var record = existing ?? new UploadRecord
        {
            PartitionKey = partition,
            RowKey = uploadId,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        record.BlobName = blobName;
        record.BlobETag = etag;
        record.ContentSha256 = sha256;
        record.ContentLength = streamed.Length;
        record.Status = UploadStatus.Received;
        await services.Uploads.SaveAsync(record, cancellationToken);

        var sink = new StagingChunkSink(services.Staging, uploadId);
        try
        {
            if (!regionKnown)
            {
                throw new UploadRejectedException(Core.Findings.FindingCode.RegionMismatch, "the upload folder is not a region code", folder);
            }
            if (streamed.Truncated)
            {
                throw new UploadRejectedException(Core.Findings.FindingCode.FileTooLarge, $"{streamed.Length} bytes", streamed.Length, services.Limits.MaxFileBytes);
            }
            var result = await UploadIngestor.IngestAsync(streamed.Content, name, region!.Value, sink,
                new IngestionOptions { Limits = services.Limits }, cancellationToken);
            await sink.FlushAsync();

            record.Status = UploadStatus.Validating;
            record.Kind = result.Kind == SheetKind.Agreements ? "agreements" : "enrolments";
            record.Format = result.Format.ToString().ToLowerInvariant();
            record.Sheet = result.Sheet;
            record.HeaderRow = result.HeaderRow;
            record.RowsRead = result.RowsRead;
            record.BlankRows = result.BlankRows;
            record.RowsChunked = sink.RowsWritten;
            record.Chunks = result.Chunks;
            record.ChunkSize = result.ChunkSize;
            await services.Staging.WriteAsync(StagingStore.ManifestBlobName(uploadId), StagingManifest.Serialize(record, result), cancellationToken);
            await services.Uploads.SaveAsync(record, cancellationToken);
            IngestLog.Staged(services.Logger, uploadId, result.RowsRead, result.Chunks);
            return TypedResults.Ok(response.WithQueueMessages(ChunksBinding, ChunkMessages(uploadId, partition, result.Chunks))
                .WithLog($"Upload {uploadId}: {result.RowsRead} rows in {result.Chunks} chunks."));
        }
        catch (UploadRejectedException rejection)
        {
            // A rejected upload keeps nothing, not even the chunks written before the problem showed.
            await sink.SettleAsync();
            await services.Staging.DeleteUploadAsync(uploadId, cancellationToken);
            record.Status = UploadStatus.Rejected;
            record.RejectionCode = rejection.Code;
            record.RejectionMessage = FileMessages.For(rejection, Language.Id);
            record.RejectionMessageEn = FileMessages.For(rejection, Language.En);
            await services.Uploads.SaveAsync(record, cancellationToken);
            IngestLog.Rejected(services.Logger, uploadId, rejection.Code, rejection.Detail);
            return TypedResults.Ok(response.WithLog($"Upload {uploadId} rejected: {rejection.Code}."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Our fault, or storage's: the host retries the blob. Count the attempts so that the last one leaves the
            // upload "failed" with its reason instead of "received" for ever.
            await sink.SettleAsync();
            record.FailedAttempts++;
            record.FailureReason = $"Reading the file failed {record.FailedAttempts} times: {ex.GetType().Name}";
            record.Status = record.FailedAttempts >= MaxAttempts ? UploadStatus.Failed : UploadStatus.Received;
            await services.Uploads.SaveAsync(record, CancellationToken.None);
            IngestLog.Failed(services.Logger, uploadId, record.FailedAttempts, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>The host's blob trigger attempts (maxDequeueCount of its blob queue) before the poison message.</summary>
    public const int MaxAttempts = 5;

    private static IEnumerable<string> ChunkMessages(string uploadId, string region, int chunks) =>
        Enumerable.Range(1, chunks).Select(chunk => System.Text.Json.JsonSerializer.Serialize(
            new ChunkMessage(uploadId, region, chunk, chunks, StagingStore.ChunkBlobName(uploadId, chunk)),
            StagingJsonContext.Default.ChunkMessage));
}
