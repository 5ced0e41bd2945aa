using System.Collections.Concurrent;
using Grpc.Core;
using Jamsostek.FunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// The host's side of <c>FunctionRpc.EventStream</c>. A worker's first message must be StartStream with a worker id
/// this host gave out when it started that worker; any other stream is ended at once, as the Functions host does.
/// </summary>
internal sealed class FunctionRpcService(WorkerConnections connections, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }
        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream || !connections.TryAccept(first.StartStream.WorkerId, out var channel))
        {
            WorkerLog.UnknownStream(logger, first.ContentCase.ToString(), first.StartStream?.WorkerId ?? "");
            return;
        }
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}

/// <summary>The workers this host started and is waiting to hear from, by the worker id it gave each.</summary>
public sealed class WorkerConnections(ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkerChannel>> _expected = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a new worker id; the task completes when that worker opens its stream.</summary>
    public (string WorkerId, Task<WorkerChannel> Connected) Expect()
    {
        var workerId = Guid.NewGuid().ToString();
        var connected = new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[workerId] = connected;
        return (workerId, connected.Task);
    }

    public void Forget(string workerId) => _expected.TryRemove(workerId, out _);

    internal bool TryAccept(string workerId, out WorkerChannel channel)
    {
        channel = null!;
        if (!_expected.TryRemove(workerId, out var connected))
        {
            return false;
        }
        channel = new WorkerChannel(workerId, loggers);
        connected.TrySetResult(channel);
        return true;
    }
}
