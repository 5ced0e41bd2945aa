namespace Jamsostek.Functions.Access;

/// <summary>
/// Who is calling, as far as the API cares: the regions the key may see (or all), whether it may see personal data
/// unmasked, whether it may upload sheets (a regional head's reporting key may not overwrite workers), and until
/// when it works. <see cref="Id"/> names the key in logs and listings; the key itself is never kept.
/// </summary>
public sealed record AccessKey(string Id, string Name, IReadOnlySet<string>? Regions, bool Pii, bool Upload = false, DateTimeOffset? ExpiresAt = null)
{
    public const string AllRegions = "*";

    public bool AllowsAllRegions => Regions is null;

    public bool CanSee(string region) => Regions is null || Regions.Contains(region);

    /// <summary>Of the regions asked for (or all the store knows when none is), those this key may see.</summary>
    public IEnumerable<string> Visible(IEnumerable<string> regions) => regions.Where(CanSee);
}
