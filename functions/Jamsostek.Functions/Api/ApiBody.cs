using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jamsostek.Functions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>A JSON request body read through its source-generated type, or the 400 problem a caller needs to fix it.</summary>
public static class ApiBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string expected,
        CancellationToken cancellationToken) where T : class
    {
        try
        {
            if (await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken) is { } value)
            {
                return (value, null);
            }
        }
        catch (JsonException)
        {
        }
        return (null, ApiProblems.BadParameter(ApiProblems.LanguageOf(request.HttpContext), "body", expected));
    }
}
