using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost;

/// <summary>The local host's log lines. Function data never appears here, only names, ids and outcomes.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Host {HostId} listening on {BaseAddress} with {FunctionCount} functions")]
    public static partial void HostStarted(ILogger logger, string hostId, Uri baseAddress, int functionCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Error}")]
    public static partial void FunctionInError(ILogger logger, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Function {FunctionName} is disabled")]
    public static partial void FunctionDisabled(ILogger logger, string functionName);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Starting worker process {Executable} (process {ProcessId})")]
    public static partial void WorkerStarting(ILogger logger, string executable, int processId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Worker process {ProcessId} started and initialized ({Runtime} {RuntimeVersion})")]
    public static partial void WorkerInitialized(ILogger logger, int processId, string runtime, string runtimeVersion);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Worker process {Reason}; starting it again")]
    public static partial void WorkerRestarting(ILogger logger, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Worker restart failed: {Reason}")]
    public static partial void WorkerRestartFailed(ILogger logger, string reason);

    /// <summary>A line the worker wrote to its console: a warning when it came from standard error (an unhandled exception's stack trace goes there).</summary>
    [LoggerMessage(EventId = 14, Message = "{Line}")]
    public static partial void WorkerOutput(ILogger logger, LogLevel level, string line);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Worker process exited with code 0; not started again")]
    public static partial void WorkerExitedNormally(ILogger logger);

    [LoggerMessage(EventId = 16, Level = LogLevel.Critical, Message = "Exceeded language worker restart retry count: {Reason}")]
    public static partial void WorkerGaveUp(ILogger logger, string reason);

    [LoggerMessage(EventId = 17, Level = LogLevel.Error, Message = "Timeout value of {Timeout} exceeded by function 'Functions.{FunctionName}' (Id: {InvocationId}); restarting the worker")]
    public static partial void FunctionTimedOut(ILogger logger, string functionName, Guid invocationId, TimeSpan timeout);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})")]
    public static partial void Executing(ILogger logger, string functionName, string reason, Guid invocationId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)")]
    public static partial void Executed(ILogger logger, string functionName, Guid invocationId, long durationMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs}ms): {Failure}")]
    public static partial void ExecutionFailed(ILogger logger, string functionName, Guid invocationId, long durationMs, string failure);

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

    [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "Failed to proxy the request to the worker ({Reason}); retrying in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ProxyRetrying(ILogger logger, long delayMs, int attempt, int maxAttempts, string reason);
}
