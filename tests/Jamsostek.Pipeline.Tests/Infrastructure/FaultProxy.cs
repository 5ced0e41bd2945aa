using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of Azurite's blob, queue and table ports. It forwards every request as it
/// came, except while a fault window is open: then it answers 503 Server Busy, as a storage account under pressure
/// does, without reaching Azurite.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly IReadOnlyDictionary<int, int> _targets;
    private long _failUntilTicks;
    private int _refused;

    private FaultProxy(WebApplication web, IReadOnlyDictionary<int, int> targets)
    {
        _web = web;
        _targets = targets;
    }

    /// <summary>The proxy's port for each target port.</summary>
    public IReadOnlyDictionary<int, int> Ports => _targets.ToDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Requests answered 503 so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public bool Failing => DateTime.UtcNow.Ticks < Interlocked.Read(ref _failUntilTicks);

    public static async Task<FaultProxy> StartAsync(params int[] targetPorts)
    {
        var targets = targetPorts.ToDictionary(_ => FreePort(), port => port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            foreach (var port in targets.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        var web = builder.Build();
        var proxy = new FaultProxy(web, targets);
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        var forwarder = web.Services.GetRequiredService<IHttpForwarder>();
        web.Run(async context =>
        {
            if (proxy.Failing)
            {
                Interlocked.Increment(ref proxy._refused);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers["x-ms-error-code"] = "ServerBusy";
                await context.Response.WriteAsync("The server is busy.");
                return;
            }
            var target = targets[context.Connection.LocalPort];
            var error = await forwarder.SendAsync(context, $"http://127.0.0.1:{target}", invoker, ForwarderRequestConfig.Empty, HttpTransformer.Default);
            if (error != ForwarderError.None && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        });
        await web.StartAsync();
        return proxy;
    }

    /// <summary>Answers every request with 503 for <paramref name="window"/> from now.</summary>
    public void FailFor(TimeSpan window) => Interlocked.Exchange(ref _failUntilTicks, (DateTime.UtcNow + window).Ticks);

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
