using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Functions.Access;

namespace Jamsostek.Functions.Api;

/// <summary>The report and upload routes behind the key check, the key management routes, and the OpenAPI document.</summary>
public static class ApiRegistration
{
    public const string OpenApiPath = "/api/openapi.json";

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Jamsostek Functions API";
            document.Info.Description = "Uploads, findings and coverage reports for regional social-security agreements. "
                + "Every /api route but health and this document needs a key in the x-functions-key header or the code query parameter; "
                + "/api/manage routes need the Functions master key. Errors are RFC 7807 problem details in Bahasa Indonesia (lang=en for English).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>().WithTags("Reports")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapUploadsApi();
        api.MapAgreementsApi();
        api.MapCoverageReportApi();
        api.MapParticipantsReportApi();
        api.MapExpiringReportApi();
        api.MapUploadSheetApi();
        api.MapAccessApi();
        app.MapKeysApi();
        app.MapTemplatesApi();
        app.MapOpenApi(OpenApiPath).WithName("OpenApiDocument");
        return app;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UploadList))]
[JsonSerializable(typeof(UploadSummary))]
[JsonSerializable(typeof(AgreementList))]
[JsonSerializable(typeof(CoverageReport))]
[JsonSerializable(typeof(ExpiringReport))]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(CreatedKey))]
[JsonSerializable(typeof(KeyList))]
[JsonSerializable(typeof(UploadAccepted))]
[JsonSerializable(typeof(AccessInfo))]
[JsonSerializable(typeof(RejectedFileReport))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
