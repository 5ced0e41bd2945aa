using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost;

/// <summary>The local host's log lines. Function data never appears here, only names, ids and outcomes.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Host {HostId} listening on {BaseAddress} with {FunctionCount} functions")]
    public static partial void HostStarted(ILogger logger, string hostId, Uri baseAddress, int functionCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Error}")]
    public static partial void FunctionInError(ILogger logger, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Function {FunctionName} is disabled")]
    public static partial void FunctionDisabled(ILogger logger, string functionName);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Starting custom handler {Executable} on port {Port}")]
    public static partial void HandlerStarting(ILogger logger, string executable, int port);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Custom handler answering on port {Port}")]
    public static partial void HandlerReady(ILogger logger, int port);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Custom handler exited; starting it again")]
    public static partial void HandlerExited(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Custom handler restart failed: {Reason}")]
    public static partial void HandlerRestartFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "[handler] {Line}")]
    public static partial void HandlerOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})")]
    public static partial void Executing(ILogger logger, string functionName, string reason, Guid invocationId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)")]
    public static partial void Executed(ILogger logger, string functionName, Guid invocationId, long durationMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs}ms): {Failure}")]
    public static partial void ExecutionFailed(ILogger logger, string functionName, Guid invocationId, long durationMs, string failure);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "[{FunctionName}] {Line}")]
    public static partial void FunctionLog(ILogger logger, string functionName, string line);

    [LoggerMessage(EventId = 24, Level = LogLevel.Error, Message = "Admin invocation of {FunctionName} failed: {Reason}")]
    public static partial void AdminInvocationFailed(ILogger logger, string functionName, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "{FunctionName}: polling queue {QueueName} failed ({Status} {ErrorCode})")]
    public static partial void QueuePollFailed(ILogger logger, string functionName, string queueName, int status, string errorCode);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "{FunctionName}: message {MessageId} on {QueueName} changed hands before its outcome was recorded ({Status})")]
    public static partial void QueueMessageLost(ILogger logger, string functionName, string queueName, string messageId, int status);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "{FunctionName}: message {MessageId} from {QueueName} moved to the poison queue after {DequeueCount} attempts")]
    public static partial void MovedToPoison(ILogger logger, string functionName, string queueName, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "{FunctionName}: scanning container {Container} failed ({Status} {ErrorCode})")]
    public static partial void BlobScanFailed(ILogger logger, string functionName, string container, int status, string errorCode);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "{FunctionName}: blob {Container}/{BlobName} could not be queued ({Status} {ErrorCode}); the next scan tries again")]
    public static partial void BlobNotQueued(ILogger logger, string functionName, string container, string blobName, int status, string errorCode);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "{FunctionName}: this host ({HostId}) holds the timer lock")]
    public static partial void TimerLockAcquired(ILogger logger, string functionName, string hostId);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "{FunctionName}: the timer lock was lost")]
    public static partial void TimerLockLost(ILogger logger, string functionName);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "{FunctionName}: the occurrence due at {Due} was missed; running it now (IsPastDue)")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTimeOffset due);

    [LoggerMessage(EventId = 60, Level = LogLevel.Error, Message = "Listener of {FunctionName} failed ({ExceptionType}: {Reason}); restarting it")]
    public static partial void ListenerFailed(ILogger logger, string functionName, string exceptionType, string reason);
}
