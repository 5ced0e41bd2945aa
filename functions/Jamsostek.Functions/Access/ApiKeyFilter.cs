using System.Security.Cryptography;
using System.Text;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Checks the caller's key on every API route. The routes are <c>authLevel: anonymous</c> in function.json and
/// the app checks the key itself, because Functions keys know nothing of regions or personal-data permission.
/// The key travels as Functions keys do: the <c>x-functions-key</c> header or the <c>code</c> query parameter.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyStore keys, IConfiguration configuration, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    /// <summary>A development key with every region and personal-data permission; set only in local.settings.json.</summary>
    public const string DevKeySetting = "JamsostekDevKey";

    private const string ItemKey = "jamsostek.access";

    public static AccessKey Of(HttpContext context) => (AccessKey)context.Items[ItemKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers["x-functions-key"].FirstOrDefault() ?? http.Request.Query["code"].FirstOrDefault();
        var access = string.IsNullOrWhiteSpace(presented) ? null : await ResolveAsync(presented, http.RequestAborted);
        if (access is null)
        {
            AccessLog.Refused(logger, http.Request.Path, string.IsNullOrWhiteSpace(presented) ? "no key" : "unknown or revoked key");
            return ApiProblems.Unauthorized(ApiProblems.LanguageOf(http));
        }
        http.Items[ItemKey] = access;
        return await next(context);
    }

    private async Task<AccessKey?> ResolveAsync(string presented, CancellationToken cancellationToken)
    {
        var devKey = configuration[DevKeySetting];
        if (!string.IsNullOrEmpty(devKey) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(devKey)))
        {
            return new AccessKey("development", "Development key (local.settings.json)", null, Pii: true);
        }
        return await keys.FindAsync(presented, cancellationToken);
    }
}

/// <summary>Key ids and paths only: never a key, a NIK or a name.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Refused {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Key {KeyId} refused for region {Region} on {Path}")]
    public static partial void RegionRefused(ILogger logger, string keyId, string region, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Key {KeyId} ({Name}) created for regions {Regions}, personal data {Pii}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string name, string regions, bool pii);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Key {KeyId} revoked")]
    public static partial void KeyRevoked(ILogger logger, string keyId);
}
