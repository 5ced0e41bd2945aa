namespace Jamsostek.Functions.ValidateChunk;

/// <summary>Ids, counts and codes only: nothing from the sheet's rows.</summary>
internal static partial class ValidationLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Upload {UploadId} chunk {Chunk}/{Chunks}: {Accepted} accepted, {Rejected} rejected, {Warnings} warnings, {Updated} updated")]
    public static partial void ChunkValidated(ILogger logger, string uploadId, int chunk, int chunks, int accepted, int rejected, int warnings, int updated);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Upload {UploadId} chunk {Chunk} was validated already; nothing written")]
    public static partial void ChunkAlreadyDone(ILogger logger, string uploadId, int chunk);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Upload {UploadId} is {Status}: {Accepted} accepted, {Rejected} rejected of {Rows} rows")]
    public static partial void Finalized(ILogger logger, string uploadId, string status, int accepted, int rejected, int rows);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Upload {UploadId} chunk {Chunk} failed on attempt {Attempt} of {MaxAttempts}: {Reason}")]
    public static partial void ChunkFailed(ILogger logger, string uploadId, int chunk, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Upload {UploadId} chunk {Chunk} skipped: the upload is {Status}")]
    public static partial void ChunkSkipped(ILogger logger, string uploadId, int chunk, string status);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Upload {UploadId} is final but its staged chunks could not be deleted ({Reason}); the staging lifecycle rule removes them after 7 days")]
    public static partial void StagingNotDeleted(ILogger logger, string uploadId, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Upload {UploadId}: another finalizer wrote the office's files at the same time; it finishes the upload")]
    public static partial void FinalizedElsewhere(ILogger logger, string uploadId);
}
