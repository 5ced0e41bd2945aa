using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

/// <summary>No key: nothing in a template is private.</summary>
public sealed class GetTemplateFunction
{
    [Function("GetTemplate")]
    [ApiOperation("Templates", "A sheet template: peserta (enrolments), perjanjian (agreements) or kepatuhan (employer compliance), headers and one example row.")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/templates/{kind}")] HttpRequest request, string kind,
        CancellationToken cancellationToken) =>
        TemplatesApi.GetAsync(kind, request.HttpContext, cancellationToken);
}
