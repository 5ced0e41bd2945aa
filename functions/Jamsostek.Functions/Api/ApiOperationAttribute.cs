namespace Jamsostek.Functions.Api;

/// <summary>
/// How an HTTP function appears in the OpenAPI document: its group, one sentence on what it answers, and the query
/// parameters it reads (route parameters come from its route).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ApiOperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;

    public string Summary { get; } = summary;

    public string[] Query { get; init; } = [];
}
