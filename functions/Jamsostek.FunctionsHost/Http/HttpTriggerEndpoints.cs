using System.Text.Json;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace Jamsostek.FunctionsHost.Http;

/// <summary>
/// Each httpTrigger function at <c>/{routePrefix}/{route}</c> (route defaults to the function's name), guarded by its
/// authLevel. As the Functions host does with a worker that serves HTTP itself (capability HttpUri, ASP.NET Core
/// integration): the invocation goes over gRPC with an empty HTTP input and the route values and query as trigger
/// metadata, while the request itself is forwarded to the worker with the invocation's id in <c>x-ms-invocation-id</c>,
/// and the worker's response is streamed back as it comes.
/// </summary>
internal static class HttpTriggerEndpoints
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    public static void MapHttpTriggers(this IEndpointRouteBuilder routes, FunctionApp app, AppSettings settings)
    {
        foreach (var function in app.Functions)
        {
            if (function.Trigger is not HttpTriggerBinding binding || settings.IsDisabled(function.Name))
            {
                continue;
            }
            var route = "/" + string.Join('/', new[] { app.Host.RoutePrefix, binding.Route ?? function.Name }
                .Where(part => !string.IsNullOrEmpty(part)).Select(part => part.Trim('/')));
            RequestDelegate handler = context => HandleAsync(context, function, binding);
            var endpoint = binding.Methods.Count == 0 ? routes.Map(route, handler) : routes.MapMethods(route, binding.Methods, handler);
            endpoint.WithDisplayName(function.Name);
        }
    }

    private static async Task HandleAsync(HttpContext context, FunctionDefinition function, HttpTriggerBinding binding)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<FunctionKeys>().Allows(context, binding.AuthLevel))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var invoker = services.GetRequiredService<FunctionInvoker>();
        var forwarder = services.GetRequiredService<IHttpForwarder>();
        var client = services.GetRequiredService<HttpMessageInvoker>();
        var invocationId = Guid.NewGuid();
        // A response may stream for as long as the function may run (functionTimeout), not YARP's 100 s of silence.
        var config = new ForwarderRequestConfig { ActivityTimeout = services.GetRequiredService<FunctionApp>().Host.FunctionTimeout };
        var result = await invoker.InvokeAsync(function, Inputs(context, binding), "This HTTP triggered function executed", invocationId,
            channel => ForwardAsync(context, channel, invocationId, forwarder, client, config), context.RequestAborted);
        if (!result.Succeeded && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private static async Task ForwardAsync(HttpContext context, WorkerChannel channel, Guid invocationId, IHttpForwarder forwarder, HttpMessageInvoker client,
        ForwarderRequestConfig config)
    {
        if (channel.HttpUri is not { } workerUri)
        {
            throw new WorkerUnavailableException("the worker does not serve HTTP (it reported no HttpUri capability; ASP.NET Core integration is needed)");
        }
        var error = await forwarder.SendAsync(context, workerUri.GetLeftPart(UriPartial.Authority), client, config,
            new InvocationHeaderTransformer(invocationId));
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    /// <summary>
    /// The HTTP trigger's input and metadata in proxy mode: the request travels separately, so the input is an empty
    /// HTTP message; the route values and each query parameter (but the key in <c>code</c>) are binding data, with the
    /// whole query and headers as JSON.
    /// </summary>
    private static InvocationInputs Inputs(HttpContext context, HttpTriggerBinding binding)
    {
        var request = context.Request;
        var metadata = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
        {
            if (!string.Equals(key, "code", StringComparison.OrdinalIgnoreCase))
            {
                metadata[key] = TypedValues.String(value.ToString());
            }
        }
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is not null)
            {
                metadata[key] = TypedValues.String(value.ToString() ?? "");
            }
        }
        metadata["Query"] = TypedValues.Json(writer => WriteDictionary(writer, request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()))));
        metadata["Headers"] = TypedValues.Json(writer => WriteDictionary(writer, request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()))));
        return InvocationInputs.Of(binding.Name, new TypedData { Http = new RpcHttp() }, metadata);
    }

    private static void WriteDictionary(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string>> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    private sealed class InvocationHeaderTransformer(Guid invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix,
            CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Remove(InvocationIdHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId.ToString());
        }
    }
}
