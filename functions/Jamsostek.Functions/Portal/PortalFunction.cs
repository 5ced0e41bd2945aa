using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Portal;

/// <summary>
/// The office portal at the site's root (route <c>{*path}</c>, GET, anonymous; host.json's empty route prefix and
/// AzureWebJobsDisableHomepage give it the root).
/// </summary>
public sealed class PortalFunction
{
    [Function("Portal")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request, string? path) =>
        PortalEndpoints.Serve(path, request.HttpContext);
}
