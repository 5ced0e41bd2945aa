using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Checks, inside the app, the master key on every function marked <see cref="RequiresMasterKeyAttribute"/> (the
/// operator routes: /api/manage/..., reprocess). The host checks it first (their auth level is admin); this is the
/// second lock, so that an auth level changed by mistake, or a host that does not enforce it, opens nothing. The app
/// knows the master key from the setting <c>OperatorMasterKey</c> (in Azure a Key Vault reference to the host's own
/// master key, which the host keeps in that vault: README, Deploy), locally from <c>LocalHostMasterKey</c>. With
/// neither set, every operator call is refused.
/// </summary>
public sealed class OperatorKeyMiddleware(IConfiguration configuration, ILogger<OperatorKeyMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string MasterKeySetting = "OperatorMasterKey";
    public const string LocalMasterKeySetting = "LocalHostMasterKey";


    /// <summary>Whether the function's class asks for the master key (decided once per function).</summary>
    public static bool Applies(FunctionContext context) => FunctionClassAttribute<RequiresMasterKeyAttribute>.IsOn(context);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext() ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name} is not an HTTP function.");
        var presented = http.Request.Headers["x-functions-key"].FirstOrDefault() ?? http.Request.Query["code"].FirstOrDefault();
        var expected = configuration[MasterKeySetting] is { Length: > 0 } key && !key.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
            ? key
            : configuration[LocalMasterKeySetting];
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            AccessLog.OperatorRefused(logger, http.Request.Path, string.IsNullOrEmpty(expected) ? "the app knows no master key" : "not the master key");
            context.GetInvocationResult().Value = ApiProblems.Unauthorized(ApiProblems.LanguageOf(http));
            return;
        }
        await next(context);
    }
}

/// <summary>An operator function: the app itself checks the master key too (<see cref="OperatorKeyMiddleware"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresMasterKeyAttribute : Attribute;
