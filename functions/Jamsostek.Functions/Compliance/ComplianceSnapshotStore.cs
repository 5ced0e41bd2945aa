using Azure;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Compliance;

/// <summary>The compliancesnapshots table (see <see cref="ComplianceSnapshotEntity"/> for its keys).</summary>
public sealed class ComplianceSnapshotStore(TableServiceClient tables)
{
    public const string TableName = "compliancesnapshots";

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>The region's snapshots, oldest first; every region's when <paramref name="region"/> is null.</summary>
    public async Task<IReadOnlyList<ComplianceSnapshotEntity>> ListAsync(string? region, CancellationToken cancellationToken = default) =>
        [.. (await _table.ListAsync(region, entity => new ComplianceSnapshotEntity(entity), cancellationToken))
            .OrderBy(s => s.Region, StringComparer.Ordinal).ThenBy(s => s.SnapshotDate, StringComparer.Ordinal)];

    /// <summary>
    /// Files the snapshot under its date, unless an upload received later already holds that date. Two finalizers
    /// racing are settled by the ETag: the loser reads again and compares.
    /// </summary>
    public async Task RecordAsync(ComplianceSnapshotEntity snapshot, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(snapshot.Region, snapshot.SnapshotDate, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(snapshot.Entity, cancellationToken);
                    return;
                }
                var current = new ComplianceSnapshotEntity(existing.Value!);
                if (current.UploadId != snapshot.UploadId && current.ReceivedAt > snapshot.ReceivedAt)
                {
                    return;
                }
                await table.UpdateEntityAsync(snapshot.Entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Filed meanwhile by another upload's finalizer: read again.
            }
        }
    }
}
