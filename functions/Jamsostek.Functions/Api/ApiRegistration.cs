using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Functions.Access;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Jamsostek.Functions.Api;

/// <summary>What the HTTP API needs: the key store, the JSON contexts its results are written with, and its middleware.</summary>
public static class ApiRegistration
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return builder;
    }

    /// <summary>
    /// Errors of HTTP functions become 500 problems; functions marked <see cref="RequiresAccessKeyAttribute"/> see no
    /// caller without a key of this app. Both run inside the worker's own HTTP middleware, which writes the result.
    /// </summary>
    public static FunctionsApplicationBuilder UseApiMiddleware(this FunctionsApplicationBuilder builder)
    {
        builder.UseWhen<ProblemOnErrorMiddleware>(context => context.GetHttpContext() is not null);
        builder.UseWhen<AccessKeyMiddleware>(AccessKeyMiddleware.Applies);
        builder.UseWhen<OperatorKeyMiddleware>(OperatorKeyMiddleware.Applies);
        return builder;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UploadList))]
[JsonSerializable(typeof(UploadSummary))]
[JsonSerializable(typeof(AgreementList))]
[JsonSerializable(typeof(CoverageReport))]
[JsonSerializable(typeof(ExpiringReport))]
[JsonSerializable(typeof(ComplianceReport))]
[JsonSerializable(typeof(CreateKeyRequest))]
[JsonSerializable(typeof(CreatedKey))]
[JsonSerializable(typeof(KeyList))]
[JsonSerializable(typeof(UploadAccepted))]
[JsonSerializable(typeof(AccessInfo))]
[JsonSerializable(typeof(RejectedFileReport))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
