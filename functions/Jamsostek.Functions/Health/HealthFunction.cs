using Jamsostek.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jamsostek.Functions.Health;

/// <summary>GET /api/health (anonymous): whether the app and its storage account answer; 503 when storage does not.</summary>
public sealed class HealthFunction(HealthCheckService health)
{
    [Function("Health")]
    [ApiOperation("Operations", "Whether the app and its storage account answer.")]
    public Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken cancellationToken) =>
        HealthApi.GetHealthAsync(health, cancellationToken);
}
