namespace Jamsostek.Functions.CustomHandler;

public static class FunctionInvocationEndpoints
{
    /// <summary>The route the host POSTs a non-HTTP function's invocation to: <c>/{FunctionName}</c>, the name of the function's folder.</summary>
    public static string InvocationRoute(string functionName) => $"/{functionName}";

    /// <summary>
    /// Marks an endpoint mapped at <see cref="InvocationRoute"/> as a function invocation. Any non-2xx answer fails
    /// the invocation, so the host's retries and poison handling apply. The caller maps the handler itself (a method
    /// group, not a <see cref="Delegate"/>) so the request delegate is generated at compile time, as Native AOT needs.
    /// </summary>
    public static RouteHandlerBuilder AsFunctionInvocation(this RouteHandlerBuilder endpoint, string functionName) =>
        endpoint
            .WithName(functionName)
            .WithTags("Function invocations")
            .ExcludeFromDescription();
}
