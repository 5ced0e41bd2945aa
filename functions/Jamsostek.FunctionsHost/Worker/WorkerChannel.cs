using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Jamsostek.FunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// One worker's event stream, from its StartStream to the stream's end: the handshake, function loads and
/// invocations, matched by message type and id as the Functions host matches them (the worker answers concurrently,
/// in any order), and the worker's logs. Everything still waiting when the stream ends fails at once.
/// </summary>
public sealed class WorkerChannel
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _statusRequests = new();
    private readonly TaskCompletionSource<WorkerInitResponse> _init = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private string _closeReason = "";

    internal WorkerChannel(string workerId, ILoggerFactory loggers)
    {
        WorkerId = workerId;
        _loggers = loggers;
        _logger = loggers.CreateLogger("Worker.LanguageWorkerChannel");
    }

    public string WorkerId { get; }

    /// <summary>What the worker said it can do in its WorkerInitResponse (HttpUri, HandlesInvocationCancelMessage, ...).</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where a worker with ASP.NET Core integration serves HTTP; HTTP triggers are proxied there.</summary>
    public Uri? HttpUri => Capabilities.TryGetValue("HttpUri", out var uri) && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed : null;

    /// <summary>Completes when the stream has ended, for whatever reason.</summary>
    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Invocations sent and not yet answered.</summary>
    public int InvocationsInFlight => _invocations.Count;

    internal async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        var writing = WriteAsync(responses, cancellationToken);
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Dispatch(requests.Current);
            }
            Close("the worker ended its event stream");
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException or InvalidOperationException)
        {
            Close($"the worker's event stream broke ({ex.GetType().Name})");
        }
        finally
        {
            _outbound.Writer.TryComplete();
            await writing;
        }
    }

    /// <summary>Ends the channel: every request still waiting for the worker fails with <paramref name="reason"/>.</summary>
    public void Close(string reason)
    {
        if (!_closed.TrySetResult())
        {
            return;
        }
        _closeReason = reason;
        _outbound.Writer.TryComplete();
        var failure = new WorkerUnavailableException(reason);
        _init.TrySetException(failure);
        _metadata.TrySetException(failure);
        foreach (var load in _loads.Values)
        {
            load.TrySetException(failure);
        }
        foreach (var invocation in _invocations.Values)
        {
            invocation.Response.TrySetException(failure);
        }
        foreach (var status in _statusRequests.Values)
        {
            status.TrySetException(failure);
        }
    }

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, CancellationToken cancellationToken)
    {
        await SendAsync(new StreamingMessage { WorkerInitRequest = request }, cancellationToken);
        var response = await _init.Task.WaitAsync(cancellationToken);
        Capabilities = response.Capabilities.Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return response;
    }

    public async Task<FunctionMetadataResponse> GetFunctionMetadataAsync(string functionAppDirectory, CancellationToken cancellationToken)
    {
        await SendAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = functionAppDirectory } }, cancellationToken);
        return await _metadata.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Loads one function; the worker accepts no invocation of it before it has answered.</summary>
    public async Task<FunctionLoadResponse> LoadAsync(FunctionLoadRequest request, CancellationToken cancellationToken)
    {
        var response = _loads.GetOrAdd(request.FunctionId, _ => new TaskCompletionSource<FunctionLoadResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        ThrowIfClosed();
        await SendAsync(new StreamingMessage { FunctionLoadRequest = request }, cancellationToken);
        return await response.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends the invocation and waits for its response. When <paramref name="cancellationToken"/> fires, the worker is
    /// asked to cancel it (if it handles that) and the response still decides the outcome, as in the Functions host.
    /// </summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, string functionName, CancellationToken cancellationToken)
    {
        var pending = new PendingInvocation(functionName, _loggers.CreateLogger($"Function.{functionName}.User"));
        _invocations[request.InvocationId] = pending;
        try
        {
            ThrowIfClosed();
            await SendAsync(new StreamingMessage { InvocationRequest = request }, CancellationToken.None);
            using var cancel = cancellationToken.Register(() =>
            {
                if (Capabilities.ContainsKey("HandlesInvocationCancelMessage"))
                {
                    _outbound.Writer.TryWrite(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
                }
            });
            return await pending.Response.Task;
        }
        finally
        {
            _invocations.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Asks the worker to stop; it exits on its own, and the host kills it after the grace period.</summary>
    public void Terminate(TimeSpan gracePeriod) =>
        _outbound.Writer.TryWrite(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(gracePeriod) } });

    /// <summary>A WorkerStatusRequest round trip: the worker is alive and reading its stream.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _statusRequests[requestId] = answered;
        try
        {
            ThrowIfClosed();
            await SendAsync(new StreamingMessage { RequestId = requestId, WorkerStatusRequest = new WorkerStatusRequest() }, cancellationToken);
            await answered.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _statusRequests.TryRemove(requestId, out _);
        }
    }

    private async Task SendAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await _outbound.Writer.WriteAsync(message, cancellationToken);
    }

    private void ThrowIfClosed()
    {
        if (IsClosed)
        {
            throw new WorkerUnavailableException(_closeReason);
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or Grpc.Core.RpcException)
        {
            Close($"writing to the worker's event stream failed ({ex.GetType().Name})");
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _init.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                _loads.GetOrAdd(message.FunctionLoadResponse.FunctionId, _ => new TaskCompletionSource<FunctionLoadResponse>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(message.FunctionLoadResponse);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryGetValue(message.InvocationResponse.InvocationId, out var invocation))
                {
                    invocation.Response.TrySetResult(message.InvocationResponse);
                }
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusResponse:
                if (_statusRequests.TryGetValue(message.RequestId, out var status))
                {
                    status.TrySetResult();
                }
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log(message.RpcLog);
                break;
        }
    }

    /// <summary>
    /// As the Functions host routes them: system logs to the worker channel's log, user logs to the log of the
    /// invocation they belong to; a user log outside any running invocation is dropped.
    /// </summary>
    private void Log(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        var text = log.Exception is { } exception ? $"{log.Message} ({exception.Type}: {exception.Message})" : log.Message;
        if (log.LogCategory == RpcLog.Types.RpcLogCategory.System)
        {
            WorkerLog.SystemLog(_logger, level is LogLevel.Warning or LogLevel.Error or LogLevel.Critical ? level : LogLevel.Information, text);
        }
        else if (log.LogCategory == RpcLog.Types.RpcLogCategory.User && _invocations.TryGetValue(log.InvocationId, out var invocation))
        {
            WorkerLog.UserLog(invocation.Logger, level, text);
        }
    }

    private sealed record PendingInvocation(string FunctionName, ILogger Logger)
    {
        public TaskCompletionSource<InvocationResponse> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The worker is not there to answer: it exited, its stream broke, or it has not connected yet.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);

internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 100, Message = "{Message}")]
    public static partial void SystemLog(ILogger logger, LogLevel level, string message);

    [LoggerMessage(EventId = 101, Message = "{Message}")]
    public static partial void UserLog(ILogger logger, LogLevel level, string message);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "A stream opened with {Content} for worker id '{WorkerId}', which this host did not start; ended")]
    public static partial void UnknownStream(ILogger logger, string content, string workerId);
}
