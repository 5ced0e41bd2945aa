using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/openapi.json (anonymous): the API's OpenAPI 3 document, read from the app's own HTTP functions (their
/// routes, methods and <see cref="ApiOperationAttribute"/>), so it cannot drift from what the app serves.
/// </summary>
public sealed partial class OpenApiDocumentFunction
{
    private static readonly Lazy<string> Document = new(Build);

    [Function("OpenApiDocument")]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        TypedResults.Text(Document.Value, "application/json; charset=utf-8");

    private static string Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Jamsostek Functions API",
                Version = "1.0",
                Description = "Uploads, findings and coverage reports for regional social-security agreements. "
                    + "Every /api route but health, templates and this document needs a key in the x-functions-key header or the code query parameter; "
                    + "/api/manage routes need the Functions master key. Errors are RFC 7807 problem details in Bahasa Indonesia (lang=en for English).",
            },
            Paths = [],
            Components = new OpenApiComponents
            {
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["functionKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "x-functions-key" },
                },
            },
        };
        foreach (var (route, methods, operation) in Operations().OrderBy(o => o.Route, StringComparer.Ordinal))
        {
            var path = "/" + OptionalParameter().Replace(route, "{$1}");
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }
            foreach (var method in methods)
            {
                ((OpenApiPathItem)item).AddOperation(new HttpMethod(method.ToUpperInvariant()), operation);
            }
        }
        return document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).GetAwaiter().GetResult();
    }

    private static IEnumerable<(string Route, string[] Methods, OpenApiOperation Operation)> Operations()
    {
        foreach (var method in typeof(OpenApiDocumentFunction).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            var described = method.GetCustomAttribute<ApiOperationAttribute>();
            if (function is null || trigger?.Route is not { } route || described is null)
            {
                continue;
            }
            var operation = new OpenApiOperation
            {
                OperationId = function.Name,
                Summary = described.Summary,
                Tags = new HashSet<OpenApiTagReference> { new(described.Tag) },
                Parameters = [],
                Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
            };
            foreach (Match parameter in RouteParameter().Matches(route))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Groups[1].Value,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            foreach (var name in described.Query)
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            }
            yield return (route, trigger.Methods ?? ["get"], operation);
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{\*?([A-Za-z]+)(?::[a-z]+)?\??\}")]
    private static partial Regex RouteParameter();
}
