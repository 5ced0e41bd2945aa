using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Jamsostek.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Checks the caller's key before every function marked <see cref="RequiresAccessKeyAttribute"/>. Those functions are
/// <c>AuthorizationLevel.Anonymous</c> for the host and the app checks the key itself, because Functions keys know
/// nothing of regions or personal-data permission. The key travels in the <c>x-functions-key</c> header only: a key in
/// a URL ends up in proxy logs and browser history (the <c>code</c> query parameter stays what it is in the host, a
/// way to pass Functions keys). A refused call never reaches the function: it gets the 401 problem.
/// </summary>
public sealed class AccessKeyMiddleware(ApiKeyStore keys, IConfiguration configuration, IOptions<StorageOptions> storage, ILogger<AccessKeyMiddleware> logger)
    : IFunctionsWorkerMiddleware
{
    /// <summary>
    /// A development key with every region and personal-data permission; set only in local.settings.json, and honoured
    /// only while the app's storage is the local emulator, so a copied setting opens nothing in Azure.
    /// </summary>
    public const string DevKeySetting = "JamsostekDevKey";

    private const string ItemKey = "jamsostek.access";


    /// <summary>The key the middleware accepted for this request.</summary>
    public static AccessKey Of(HttpContext context) => (AccessKey)context.Items[ItemKey]!;

    /// <summary>Whether the function's class asks for a key (decided once per function).</summary>
    public static bool Applies(FunctionContext context) => FunctionClassAttribute<RequiresAccessKeyAttribute>.IsOn(context);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext() ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name} is not an HTTP function.");
        var presented = http.Request.Headers["x-functions-key"].FirstOrDefault();
        var access = string.IsNullOrWhiteSpace(presented) ? null : await ResolveAsync(presented, context.CancellationToken);
        if (access is null)
        {
            AccessLog.Refused(logger, http.Request.Path, string.IsNullOrWhiteSpace(presented)
                ? http.Request.Query.ContainsKey("code") ? "key in the URL (only the x-functions-key header is read)" : "no key"
                : "unknown, revoked or expired key");
            context.GetInvocationResult().Value = ApiProblems.Unauthorized(ApiProblems.LanguageOf(http));
            return;
        }
        http.Items[ItemKey] = access;
        await next(context);
    }

    private async Task<AccessKey?> ResolveAsync(string presented, CancellationToken cancellationToken)
    {
        var devKey = configuration[DevKeySetting];
        if (!string.IsNullOrEmpty(devKey) && storage.Value.IsEmulator &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(devKey)))
        {
            return new AccessKey("development", "Development key (local.settings.json)", null, Pii: true, Upload: true);
        }
        return await keys.FindAsync(presented, cancellationToken);
    }
}

/// <summary>The function answers only callers with an access key of this app (checked by <see cref="AccessKeyMiddleware"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAccessKeyAttribute : Attribute;

/// <summary>Key ids and paths only: never a key, a NIK or a name.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Refused {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Key {KeyId} refused for region {Region} on {Path}")]
    public static partial void RegionRefused(ILogger logger, string keyId, string region, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Key {KeyId} ({Name}) created for regions {Regions}, personal data {Pii}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string name, string regions, bool pii);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Operator call refused on {Path}: {Reason}")]
    public static partial void OperatorRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Key {KeyId} revoked")]
    public static partial void KeyRevoked(ILogger logger, string keyId);
}
