using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost.Http;

/// <summary>
/// Retries a request the worker's HTTP server refused, as the Functions host's own RetryProxyHandler does (10 attempts,
/// 50 ms doubling to 250 ms): the worker reports its HttpUri in WorkerInitResponse before its Kestrel listens, so a
/// request that arrives right after the worker (re)started meets a closed port, and the worker would wait 15 s for it
/// before failing the invocation. Unlike the Functions host, only a connection that could not be made is retried: it
/// sent nothing, while a request whose body has begun to flow cannot be sent again.
/// </summary>
internal sealed class RetryProxyHandler(HttpMessageHandler inner, ILogger logger) : DelegatingHandler(inner)
{
    internal const int MaxAttempts = 10;
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromMilliseconds(250);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var delay = InitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt < MaxAttempts
                && !cancellationToken.IsCancellationRequested)
            {
                HostLog.ProxyRetrying(logger, (long)delay.TotalMilliseconds, attempt, MaxAttempts, ex.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumDelay.Ticks));
            }
        }
    }
}
