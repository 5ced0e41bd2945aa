using Jamsostek.Core.Compliance;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Compliance;

/// <summary>Reads a region's compliance snapshots and compares the latest (as of a date) with the one before it.</summary>
public sealed class ComplianceReader(ComplianceSnapshotStore snapshots, EmployerStore employers)
{
    /// <summary>The region's snapshots, oldest first.</summary>
    public Task<IReadOnlyList<ComplianceSnapshotEntity>> SnapshotsAsync(string? region, CancellationToken cancellationToken = default) =>
        snapshots.ListAsync(region, cancellationToken);

    /// <summary>
    /// The latest snapshot dated on or before <paramref name="asOf"/> (any, when null) against the one before it; null when
    /// the region has none.
    /// </summary>
    public async Task<ComplianceComparison?> LatestAsync(string region, DateOnly? asOf, CancellationToken cancellationToken = default) =>
        Latest(await snapshots.ListAsync(region, cancellationToken), asOf) is { } latest
            ? await CompareAsync(latest.Current, latest.Previous, cancellationToken)
            : null;

    /// <summary>
    /// Of one region's snapshots, the latest dated on or before <paramref name="asOf"/> (any, when null) and the one
    /// before it; null when none is.
    /// </summary>
    public static (ComplianceSnapshotEntity Current, ComplianceSnapshotEntity? Previous)? Latest(IEnumerable<ComplianceSnapshotEntity> regionSnapshots,
        DateOnly? asOf)
    {
        var dated = regionSnapshots
            .Where(s => asOf is not { } date || string.CompareOrdinal(s.SnapshotDate, IsoDate.Format(date)) <= 0)
            .OrderBy(s => s.SnapshotDate, StringComparer.Ordinal)
            .ToList();
        return dated.Count == 0 ? null : (dated[^1], dated.Count > 1 ? dated[^2] : null);
    }

    public async Task<ComplianceComparison> CompareAsync(ComplianceSnapshotEntity current, ComplianceSnapshotEntity? previous,
        CancellationToken cancellationToken = default)
    {
        var before = previous is null ? null : await EmployersAsync(previous.UploadId, cancellationToken);
        var now = await EmployersAsync(current.UploadId, cancellationToken);
        return ComplianceComparison.Compare(now, IsoDate.Parse(current.SnapshotDate)!.Value, before, IsoDate.Parse(previous?.SnapshotDate));
    }

    private async Task<List<Employer>> EmployersAsync(string uploadId, CancellationToken cancellationToken)
    {
        var found = new List<Employer>();
        await foreach (var entity in employers.ListAsync(uploadId, cancellationToken))
        {
            found.Add(entity.ToEmployer());
        }
        return found;
    }
}
