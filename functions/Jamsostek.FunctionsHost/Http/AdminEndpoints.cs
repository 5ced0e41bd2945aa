using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Http;

/// <summary>
/// The host's own admin API (master key): <c>POST /admin/functions/{name}</c> runs a non-HTTP function now
/// and answers 202 at once, as the Functions host does; <c>GET /admin/host/status</c> and
/// <c>GET /admin/functions</c> describe the host.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder routes, string hostId)
    {
        var admin = routes.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<FunctionKeys>().Allows(context.HttpContext, AuthLevel.Admin)
                ? await next(context)
                : TypedResults.Unauthorized());

        admin.MapPost("/functions/{name}", RunNowAsync);
        admin.MapGet("/host/status", () => TypedResults.Json(new HostStatus(hostId, "Running"), AdminJsonContext.Default.HostStatus));
        admin.MapGet("/functions", (FunctionApp app, AppSettings settings) => TypedResults.Json(
            app.Functions.Select(f => new FunctionSummary(f.Name, TriggerType(f.Trigger), settings.IsDisabled(f.Name))).ToList(),
            AdminJsonContext.Default.ListFunctionSummary));
    }

    private static async Task<Results<Accepted, NotFound<string>, BadRequest<string>>> RunNowAsync(
        string name, HttpRequest request, TriggerRegistry triggers, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var run = triggers.RunNow(name);
        if (run is null)
        {
            return TypedResults.NotFound($"No non-HTTP function named '{name}'.");
        }
        string? input = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync(request.Body, AdminJsonContext.Default.AdminInvocation, request.HttpContext.RequestAborted);
                input = body?.Input;
            }
            catch (JsonException)
            {
                return TypedResults.BadRequest("The body must be JSON like {\"input\": \"...\"}.");
            }
        }
        var logger = loggers.CreateLogger("Jamsostek.FunctionsHost.Admin");
        // The host answers before the function runs; the outcome is in the log.
        _ = Task.Run(async () =>
        {
            try
            {
                await run(input, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                HostLog.AdminInvocationFailed(logger, name, ex.Message);
            }
        });
        return TypedResults.Accepted((string?)null);
    }

    private static string TriggerType(TriggerBinding trigger) => trigger switch
    {
        BlobTriggerBinding => "blobTrigger",
        QueueTriggerBinding => "queueTrigger",
        TimerTriggerBinding => "timerTrigger",
        _ => "httpTrigger",
    };
}

internal sealed record AdminInvocation(string? Input);

internal sealed record HostStatus(string Id, string State);

internal sealed record FunctionSummary(string Name, string Trigger, bool Disabled);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AdminInvocation))]
[JsonSerializable(typeof(HostStatus))]
[JsonSerializable(typeof(List<FunctionSummary>))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
