using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using System.Globalization;

namespace Jamsostek.Functions.CustomHandler;

public static class CustomHandlerHosting
{
    /// <summary>The variable through which the Functions host tells the handler its port.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>
    /// Listens where the Functions host expects the handler: loopback, on FUNCTIONS_CUSTOMHANDLER_PORT.
    /// Without the variable (the handler started by hand) it keeps ASP.NET Core's own URL settings.
    /// </summary>
    public static WebApplicationBuilder UseCustomHandlerPort(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration[PortVariable];
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} must be a TCP port number, not '{port}'.");
            }
            builder.WebHost.UseUrls($"http://127.0.0.1:{number}");
        }
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ProtocolJsonContext.Default));
        // Reflection-based JSON is on only for the Tables SDK's own create-table request (see LazyTable). What the
        // handler reads and writes goes through source-generated contexts alone: without the reflection resolver in
        // the chain, a type missing from them fails every build's tests, not only the native handler.
        builder.Services.PostConfigure<JsonOptions>(options =>
        {
            var chain = options.SerializerOptions.TypeInfoResolverChain;
            foreach (var reflection in chain.OfType<DefaultJsonTypeInfoResolver>().ToList())
            {
                chain.Remove(reflection);
            }
        });
        // A malformed invocation is the caller's fault (400), not ours (500); the host fails it either way.
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return builder;
    }
}
