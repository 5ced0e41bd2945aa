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
        foreach (var (name, route, methods, described) in HttpFunctions().OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            foreach (var path in Paths(route))
            {
                if (!document.Paths.TryGetValue(path, out var item))
                {
                    item = new OpenApiPathItem();
                    document.Paths[path] = item;
                }
                foreach (var method in methods)
                {
                    ((OpenApiPathItem)item).AddOperation(new HttpMethod(method.ToUpperInvariant()), Operation(name, path, described));
                }
            }
        }
        return document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).GetAwaiter().GetResult();
    }

    private static IEnumerable<(string Name, string Route, string[] Methods, ApiOperationAttribute Described)> HttpFunctions()
    {
        foreach (var method in typeof(OpenApiDocumentFunction).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is not null && trigger?.Route is { } route && method.GetCustomAttribute<ApiOperationAttribute>() is { } described)
            {
                yield return (function.Name, route, trigger.Methods ?? ["get"], described);
            }
        }
    }

    private static OpenApiOperation Operation(string functionName, string path, ApiOperationAttribute described)
    {
        var operation = new OpenApiOperation
        {
            OperationId = functionName,
            Summary = described.Summary,
            Tags = new HashSet<OpenApiTagReference> { new(described.Tag) },
            Parameters = [],
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
        };
        foreach (Match parameter in PathParameter().Matches(path))
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
        return operation;
    }

    /// <summary>
    /// A route with optional trailing parameters ("api/manage/keys/{keyId?}") is a path without them and one with each
    /// more of them ("/api/manage/keys", "/api/manage/keys/{keyId}"): OpenAPI has no optional path parameters.
    /// </summary>
    private static IEnumerable<string> Paths(string route)
    {
        var segments = route.Split('/');
        var required = segments.TakeWhile(segment => !OptionalParameter().IsMatch(segment)).Count();
        for (var count = required; count <= segments.Length; count++)
        {
            yield return "/" + RouteConstraint().Replace(OptionalParameter().Replace(string.Join('/', segments.Take(count)), "{$1}"), "{$1}");
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{([A-Za-z]+):[a-z]+\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();
}
