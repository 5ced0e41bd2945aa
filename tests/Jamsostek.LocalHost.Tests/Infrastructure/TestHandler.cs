using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Jamsostek.LocalHost.Handler;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>One invocation as the handler received it: the function name and the whole request body.</summary>
public sealed record Invocation(string Function, JsonObject Body)
{
    public JsonObject Data => (JsonObject)Body["Data"]!;

    public JsonObject Metadata => (JsonObject)Body["Metadata"]!;
}

/// <summary>
/// The tests' custom handler: a real HTTP server on a free port speaking the custom handler protocol.
/// It records every invocation and answers what the test's behaviour says (200 with empty Outputs by default).
/// </summary>
public sealed class TestHandler : IHandlerEndpoint, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Invocation> _invocations = new();

    private TestHandler(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Decides the answer to each invocation.</summary>
    public Func<Invocation, IResult> Behaviour { get; set; } = _ => Results.Json(new JsonObject { ["Outputs"] = new JsonObject() });

    public IReadOnlyList<Invocation> Invocations => [.. _invocations];

    public IReadOnlyList<Invocation> Of(string function) => [.. _invocations.Where(i => i.Function == function)];

    public static async Task<TestHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var handler = new TestHandler(app);
        app.MapPost("/{function}", async (string function, HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            var invocation = new Invocation(function, body);
            handler._invocations.Enqueue(invocation);
            return handler.Behaviour(invocation);
        });
        // Forwarded HTTP triggers arrive as the original request.
        app.MapGet("/api/hello/{id}", (string id, HttpRequest request) => Results.Text($"hello {id}{request.QueryString}"));
        app.MapGet("/api/ops", () => Results.Text("ops"));
        app.Map("/api/open", (HttpRequest request) => Results.Text($"open {request.Method}"));
        await app.StartAsync();
        handler.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return handler;
    }

    public async Task<IReadOnlyList<Invocation>> WaitForAsync(string function, int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => Of(function).Count >= count, timeout ?? TimeSpan.FromSeconds(20),
            $"{function} invoked {count} times (was {Of(function).Count})");
        return Of(function);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
