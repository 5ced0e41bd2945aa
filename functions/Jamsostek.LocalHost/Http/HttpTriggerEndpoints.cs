using System.Net;
using System.Text.Json.Nodes;
using Jamsostek.LocalHost.App;
using Jamsostek.LocalHost.Handler;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace Jamsostek.LocalHost.Http;

/// <summary>
/// Each httpTrigger function at <c>/{routePrefix}/{route}</c> (route defaults to the function's name),
/// guarded by its authLevel. With request forwarding on (host.json), the request goes to the handler
/// as it came, streamed both ways; otherwise it travels inside an invocation payload.
/// </summary>
internal static class HttpTriggerEndpoints
{
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
            RequestDelegate handler = context => HandleAsync(context, function, binding, app);
            var endpoint = binding.Methods.Count == 0 ? routes.Map(route, handler) : routes.MapMethods(route, binding.Methods, handler);
            endpoint.WithDisplayName(function.Name);
        }
    }

    private static async Task HandleAsync(HttpContext context, FunctionDefinition function, HttpTriggerBinding binding, FunctionApp app)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<FunctionKeys>().Allows(context, binding.AuthLevel))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var handler = services.GetRequiredService<IHandlerEndpoint>();
        if (app.Host.ForwardHttpRequests && function.QueueOutputs.Count == 0)
        {
            var forwarder = services.GetRequiredService<IHttpForwarder>();
            var error = await forwarder.SendAsync(context, handler.BaseAddress.GetLeftPart(UriPartial.Authority),
                services.GetRequiredService<HttpMessageInvoker>(), ForwarderRequestConfig.Empty, HttpTransformer.Default);
            if (error != ForwarderError.None && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
            return;
        }
        await InvokeWithPayloadAsync(context, function, binding, services.GetRequiredService<FunctionInvoker>());
    }

    private static async Task InvokeWithPayloadAsync(HttpContext context, FunctionDefinition function, HttpTriggerBinding binding, FunctionInvoker invoker)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var routeValues = new JsonObject([.. request.RouteValues.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value?.ToString()))]);
        var query = new JsonObject([.. request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value.ToString()))]);
        var req = new JsonObject
        {
            ["Url"] = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}",
            ["Method"] = request.Method,
            ["Query"] = query.ToJsonString(),
            ["Headers"] = new JsonObject([.. request.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray([.. h.Value.Select(v => JsonValue.Create(v))])))]),
            ["Params"] = routeValues.DeepClone(),
            ["Body"] = body,
        };
        var metadata = (JsonObject)routeValues.DeepClone();
        metadata["Query"] = query;
        metadata["sys"] = InvocationPayload.SystemMetadata(function.Name);
        var result = await invoker.InvokeAsync(function, new InvocationPayload(new JsonObject { [binding.Name] = req }, metadata),
            $"This HTTP triggered function executed", context.RequestAborted);
        if (!result.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }
        var response = result.Outputs.FirstOrDefault(o => o.Value is JsonObject r && (r.ContainsKey("statusCode") || r.ContainsKey("body"))).Value as JsonObject
            ?? result.ReturnValue as JsonObject;
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        context.Response.StatusCode = response["statusCode"] is JsonValue code && int.TryParse(code.ToString(), out var status) ? status : (int)HttpStatusCode.OK;
        if (response["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value?.ToString();
            }
        }
        if (response["body"] is { } responseBody)
        {
            await context.Response.WriteAsync(responseBody is JsonValue text && text.TryGetValue<string>(out var s) ? s : responseBody.ToJsonString(), context.RequestAborted);
        }
    }
}
