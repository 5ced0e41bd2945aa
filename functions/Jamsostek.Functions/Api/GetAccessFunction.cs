using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class GetAccessFunction(AgreementStore agreements, UploadStore uploads)
{
    [Function("GetAccess")]
    [ApiOperation("Reports", "The key's name, the regions it covers (for an all-regions key: every region with data) and its personal-data permission.")]
    public Task<Ok<AccessInfo>> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/access")] HttpRequest request, CancellationToken cancellationToken) =>
        AccessApi.GetAsync(request.HttpContext, agreements, uploads, cancellationToken);
}
