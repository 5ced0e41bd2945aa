using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// The gRPC endpoint workers connect to, as the Functions host runs it: loopback, a free port, HTTP/2 without TLS,
/// messages up to 2 GB both ways.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    private readonly WebApplication _web;

    private RpcServer(WebApplication web, Uri address, WorkerConnections connections)
    {
        _web = web;
        Address = address;
        Connections = connections;
    }

    /// <summary>What the worker is given as --functions-uri, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public WorkerConnections Connections { get; }

    public static async Task<RpcServer> StartAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        var connections = new WorkerConnections(loggers);
        builder.Services.AddSingleton(connections);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = int.MaxValue;
            options.MaxSendMessageSize = int.MaxValue;
        });
        var web = builder.Build();
        web.MapGrpcService<FunctionRpcService>();
        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RpcServer(web, new Uri(address.TrimEnd('/') + "/"), connections);
    }

    public async ValueTask DisposeAsync()
    {
        // Streams of workers that are gone end with them; nothing is left to drain after a few seconds.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _web.StopAsync(limit.Token);
        await _web.DisposeAsync();
    }
}
