namespace Jamsostek.Functions.CustomHandler;

public static class FunctionInvocationEndpoints
{
    /// <summary>
    /// Maps the route the host POSTs a non-HTTP function's invocation to: <c>/{FunctionName}</c>,
    /// the name of the function's folder. Any non-2xx answer fails the invocation, so the host's retries
    /// and poison handling apply.
    /// </summary>
    public static RouteHandlerBuilder MapFunctionInvocation(this IEndpointRouteBuilder app, string functionName, Delegate handler) =>
        app.MapPost($"/{functionName}", handler)
            .WithName(functionName)
            .WithTags("Function invocations")
            .ExcludeFromDescription();
}
