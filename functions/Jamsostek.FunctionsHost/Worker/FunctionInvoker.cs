using System.Diagnostics;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Rpc;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// Runs one invocation on the worker: an InvocationRequest with the trigger's inputs and metadata and a trace
/// context, the response within functionTimeout, then the output bindings. A failure (the function threw, the worker
/// died, the time ran out) is the trigger's to handle: retried, poisoned or answered 500. A function still running at
/// functionTimeout has its worker restarted, as the Functions host does with an out-of-process worker.
/// </summary>
public sealed class FunctionInvoker(WorkerProcess worker, FunctionApp app, OutputBinder outputs, HostActivity hostActivity, ILogger<FunctionInvoker> logger)
{
    private static readonly ActivitySource Source = new("Jamsostek.FunctionsHost");

    /// <summary>How long an invocation waits for a worker that is being started again.</summary>
    public static readonly TimeSpan WorkerWait = TimeSpan.FromSeconds(60);

    public Task<InvocationResult> InvokeAsync(FunctionDefinition function, InvocationInputs inputs, string reason, CancellationToken cancellationToken) =>
        InvokeAsync(function, inputs, reason, Guid.NewGuid(), alongside: null, cancellationToken);

    /// <summary>
    /// Runs the invocation; <paramref name="alongside"/>, when given, runs on the same worker once the request is sent
    /// (an HTTP trigger forwards the request to the worker then) and is awaited too.
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(FunctionDefinition function, InvocationInputs inputs, string reason, Guid invocationId,
        Func<WorkerChannel, Task>? alongside, CancellationToken cancellationToken)
    {
        hostActivity.InvocationStarted(function.Name);
        try
        {
            return await InvokeCoreAsync(function, inputs, reason, invocationId, alongside, cancellationToken);
        }
        finally
        {
            hostActivity.InvocationFinished(function.Name);
        }
    }

    private async Task<InvocationResult> InvokeCoreAsync(FunctionDefinition function, InvocationInputs inputs, string reason, Guid invocationId,
        Func<WorkerChannel, Task>? alongside, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"Invoke {function.Name}", ActivityKind.Internal) ?? StartDetached(function);
        HostLog.Executing(logger, function.Name, reason, invocationId);
        var stopwatch = Stopwatch.StartNew();
        var result = await RunAsync(function, inputs, invocationId, activity, alongside, cancellationToken);
        if (result.Succeeded)
        {
            try
            {
                // Not cancelled when the host begins to stop: a function that finished has its outputs written, as the
                // Functions host does with the invocations it drains (the host's stop bounds how long that may take).
                await outputs.BindAsync(function, result, CancellationToken.None);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or System.Text.Json.JsonException)
            {
                result = InvocationResult.Failed($"writing the output bindings failed: {ex.Message}");
            }
        }
        if (result.Succeeded)
        {
            HostLog.Executed(logger, function.Name, invocationId, stopwatch.ElapsedMilliseconds);
        }
        else
        {
            HostLog.ExecutionFailed(logger, function.Name, invocationId, stopwatch.ElapsedMilliseconds, result.Failure!);
        }
        return result;
    }

    private async Task<InvocationResult> RunAsync(FunctionDefinition function, InvocationInputs inputs, Guid invocationId, Activity activity,
        Func<WorkerChannel, Task>? alongside, CancellationToken cancellationToken)
    {
        if (worker.LoadFailures.TryGetValue(function.Name, out var loadFailure))
        {
            return InvocationResult.Failed($"the worker could not load the function: {loadFailure}");
        }
        var request = new InvocationRequest
        {
            InvocationId = invocationId.ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = activity.Id ?? "", TraceState = activity.TraceStateString ?? "" },
        };
        request.InputData.AddRange(inputs.Data);
        foreach (var (key, value) in inputs.Metadata)
        {
            request.TriggerMetadata[key] = value;
        }
        WorkerChannel channel;
        try
        {
            channel = await worker.GetChannelAsync(WorkerWait, cancellationToken);
        }
        catch (WorkerUnavailableException ex)
        {
            return InvocationResult.Failed($"the worker is not available: {ex.Message}");
        }
        try
        {
            var invocation = channel.InvokeAsync(request, function.Name, cancellationToken).WaitAsync(app.Host.FunctionTimeout, CancellationToken.None);
            if (alongside is not null)
            {
                await alongside(channel);
            }
            var response = await invocation;
            return response.Result?.Status == StatusResult.Types.Status.Success
                ? new InvocationResult(true, response.OutputData.Where(o => o.Data is not null).ToDictionary(o => o.Name, o => o.Data, StringComparer.OrdinalIgnoreCase),
                    response.ReturnValue, null)
                : InvocationResult.Failed(Describe(response.Result));
        }
        catch (TimeoutException)
        {
            HostLog.FunctionTimedOut(logger, function.Name, invocationId, app.Host.FunctionTimeout);
            worker.Crash();
            return InvocationResult.Failed($"the function ran longer than functionTimeout {app.Host.FunctionTimeout}; the worker is restarted");
        }
        catch (WorkerUnavailableException ex)
        {
            return InvocationResult.Failed($"the worker stopped answering: {ex.Message}");
        }
    }

    private static string Describe(StatusResult? result) => result switch
    {
        null => "the worker answered without a result",
        { Status: StatusResult.Types.Status.Cancelled } => "the invocation was cancelled",
        { Exception: { } exception } => string.IsNullOrEmpty(exception.Type) ? exception.Message : $"{exception.Type}: {exception.Message}",
        _ => string.IsNullOrEmpty(result.Result) ? "the function failed" : result.Result,
    };

    /// <summary>Without a listener the source makes no activity; the worker still needs a W3C trace parent.</summary>
    private static Activity StartDetached(FunctionDefinition function)
    {
        var activity = new Activity($"Invoke {function.Name}");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        return activity.Start();
    }
}
