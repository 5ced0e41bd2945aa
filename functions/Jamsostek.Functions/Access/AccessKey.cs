namespace Jamsostek.Functions.Access;

/// <summary>
/// Who is calling, as far as the API cares: the regions the key may see (or all) and whether it may see
/// personal data unmasked. <see cref="Id"/> names the key in logs and listings; the key itself is never kept.
/// </summary>
public sealed record AccessKey(string Id, string Name, IReadOnlySet<string>? Regions, bool Pii)
{
    public const string AllRegions = "*";

    public bool AllowsAllRegions => Regions is null;

    public bool CanSee(string region) => Regions is null || Regions.Contains(region);

    /// <summary>Of the regions asked for (or all the store knows when none is), those this key may see.</summary>
    public IEnumerable<string> Visible(IEnumerable<string> regions) => regions.Where(CanSee);
}
