namespace Jamsostek.Functions.IngestUpload;

/// <summary>Ids, counts and codes only: nothing from the sheet's rows.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Upload {UploadId} staged: {Rows} rows in {Chunks} chunks")]
    public static partial void Staged(ILogger logger, string uploadId, int rows, int chunks);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Upload {UploadId} rejected: {Code} ({Detail})")]
    public static partial void Rejected(ILogger logger, string uploadId, string code, string detail);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Upload {UploadId} has this content already ({Status}); nothing queued")]
    public static partial void SameContentAgain(ILogger logger, string uploadId, string status);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "Upload {UploadId} is a duplicate of {OriginalUploadId} ({OriginalStatus}), the same content under another blob name (recorded now: {Recorded}); nothing read or queued")]
    public static partial void Duplicate(ILogger logger, string uploadId, string originalUploadId, string originalStatus, bool recorded);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Upload {UploadId}: the blob version that staged it runs again; {Chunks} chunk messages queued again")]
    public static partial void Requeued(ILogger logger, string uploadId, int chunks);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Upload {UploadId}: reading failed on attempt {Attempt} ({ExceptionType})")]
    public static partial void Failed(ILogger logger, string uploadId, int attempt, string exceptionType);
}
