using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Samples;

internal static partial class SampleLog
{
    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "Uploaded sample {BlobName} ({Bytes} bytes)")]
    public static partial void Uploaded(ILogger logger, string blobName, long bytes);

    [LoggerMessage(EventId = 71, Level = LogLevel.Debug, Message = "Sample {BlobName} is already uploaded; left as it is")]
    public static partial void AlreadyThere(ILogger logger, string blobName);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "Sample {BlobName} could not be uploaded ({Status} {ErrorCode})")]
    public static partial void UploadFailed(ILogger logger, string blobName, int status, string errorCode);

    [LoggerMessage(EventId = 73, Level = LogLevel.Warning, Message = "Sample {BlobName} is {Status} after {Seconds} s, not final yet; are IngestUpload and ValidateChunk running?")]
    public static partial void NotFinal(ILogger logger, string blobName, string status, double seconds);

    [LoggerMessage(EventId = 76, Level = LogLevel.Warning, Message = "Findings report of upload {UploadId} could not be read ({ExceptionType}); counts by code left out")]
    public static partial void ReportUnreadable(ILogger logger, string uploadId, string exceptionType);

    [LoggerMessage(EventId = 75, Level = LogLevel.Warning, Message = "Samples stopped: storage failed ({ExceptionType}: {Reason})")]
    public static partial void StorageFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 77, Level = LogLevel.Warning, Message = "The app answered {Status} to GET {Path}: is JamsostekDevKey set in local.settings.json?")]
    public static partial void ApiRefused(ILogger logger, string path, int status);

    [LoggerMessage(EventId = 74, Level = LogLevel.Information, Message = "Samples not uploaded: storage account {AccountName} is not the local emulator")]
    public static partial void NotDevelopmentStorage(ILogger logger, string accountName);
}
