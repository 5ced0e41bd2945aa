using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jamsostek.LocalHost.App;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Handler;

/// <summary>
/// POSTs an invocation to <c>/{FunctionName}</c> on the handler and reads back Outputs, Logs and ReturnValue.
/// A non-2xx answer, a timeout or a broken connection fails the invocation; the trigger decides what follows.
/// </summary>
public sealed class FunctionInvoker(IHandlerEndpoint handler, HttpClient http, FunctionApp app, OutputBinder outputs, ILogger<FunctionInvoker> logger)
{
    private const int MaxFailureBodyLength = 2000;

    public async Task<InvocationResult> InvokeAsync(FunctionDefinition function, InvocationPayload payload, string reason, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid();
        HostLog.Executing(logger, function.Name, reason, invocationId);
        var stopwatch = Stopwatch.StartNew();
        var result = await SendAsync(function, payload, cancellationToken);
        if (result.Succeeded)
        {
            try
            {
                await outputs.BindAsync(function, result, cancellationToken);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or InvalidOperationException)
            {
                result = InvocationResult.Failed($"writing the output bindings failed: {ex.Message}");
            }
        }
        foreach (var line in result.Logs)
        {
            HostLog.FunctionLog(logger, function.Name, line);
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

    private async Task<InvocationResult> SendAsync(FunctionDefinition function, InvocationPayload payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(app.Host.FunctionTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(handler.BaseAddress, function.Name))
        {
            Content = new InvocationContent(payload),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return InvocationResult.Failed($"the handler answered {(int)response.StatusCode}: {Truncate(body)}");
            }
            return Parse(body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InvocationResult.Failed($"the function ran longer than functionTimeout {app.Host.FunctionTimeout}");
        }
        catch (HttpRequestException ex)
        {
            return InvocationResult.Failed($"the handler could not be reached: {ex.Message}");
        }
    }

    private static InvocationResult Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new InvocationResult(true, [], [], null, null);
        }
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException ex)
        {
            return InvocationResult.Failed($"the handler's answer is not JSON: {ex.Message}");
        }
        if (json is null)
        {
            return InvocationResult.Failed("the handler's answer is not a JSON object");
        }
        var outputs = Property(json, "Outputs") as JsonObject ?? [];
        var logs = Property(json, "Logs") is JsonArray array
            ? array.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : l?.ToJsonString() ?? "").ToList()
            : [];
        return new InvocationResult(true, (JsonObject)outputs.DeepClone(), logs, Property(json, "ReturnValue")?.DeepClone(), null);
    }

    private static JsonNode? Property(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Truncate(string text) => text.Length <= MaxFailureBodyLength ? text : text[..MaxFailureBodyLength] + "…";
}
