using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>GET /api/access (function GetAccess): what the presented key may do, so the portal can offer the right regions.</summary>
public static class AccessApi
{
    internal static async Task<Ok<AccessInfo>> GetAsync(HttpContext context, AgreementStore agreements, UploadStore uploads, CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        IEnumerable<string> regions = access.Regions ?? (IEnumerable<string>)
            [.. (await agreements.ListAsync(null, cancellationToken)).Select(a => a.PartitionKey)
                .Concat((await uploads.ListAsync(null, cancellationToken)).Select(u => u.Region).Where(r => r != UploadIds.InvalidRegionPartition))];
        return TypedResults.Ok(new AccessInfo(access.Id, access.Name, access.AllowsAllRegions, [.. regions.Distinct().Order(StringComparer.Ordinal)], access.Pii, access.Upload, access.ExpiresAt));
    }
}

/// <param name="AllRegions">The key covers every region, also those with no data yet (Regions lists the ones with data).</param>
public sealed record AccessInfo(string KeyId, string Name, bool AllRegions, IReadOnlyList<string> Regions, bool Pii, bool Upload, DateTimeOffset? ExpiresAt);
