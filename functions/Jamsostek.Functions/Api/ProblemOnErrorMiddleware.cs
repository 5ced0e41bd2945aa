using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Jamsostek.Functions.Api;

/// <summary>
/// What ASP.NET Core's exception handler did for the API: an HTTP function that throws answers a 500 problem (the
/// worker would otherwise let the request end with whatever status it had, usually an empty 200), and the failure
/// is logged. A response already streaming is cut off, so a half-written export never looks complete.
/// </summary>
public sealed class ProblemOnErrorMiddleware(ILogger<ProblemOnErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && context.GetHttpContext() is { } http)
        {
            ApiLog.Failed(logger, context.FunctionDefinition.Name, http.Request.Path, ex.GetType().Name);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }
            var language = Access.ApiProblems.LanguageOf(http);
            context.GetInvocationResult().Value = TypedResults.Problem(
                language == Core.Templates.Language.En ? "The request failed on our side. Try again; if it keeps failing, tell the operator." : "Permintaan gagal di pihak kami. Coba lagi; jika terus gagal, beri tahu operator.",
                statusCode: StatusCodes.Status500InternalServerError,
                title: language == Core.Templates.Language.En ? "Server error" : "Kesalahan server",
                type: "https://httpstatuses.io/500");
        }
    }
}

/// <summary>Function names, paths and exception types only: never row data.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "{FunctionName} failed on {Path} ({ExceptionType})")]
    public static partial void Failed(ILogger logger, string functionName, string path, string exceptionType);
}
