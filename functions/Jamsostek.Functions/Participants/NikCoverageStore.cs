using System.Collections.Concurrent;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>The <c>nikcoverage</c> table (see <see cref="NikCoverageEntity"/>).</summary>
public sealed class NikCoverageStore(TableServiceClient tables)
{
    public const string TableName = "nikcoverage";

    private const int ReadParallelism = 16;

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>
    /// Writes each entity as a claim: added when it has no ETag (its NIK was not stored), else replaced only if the
    /// stored entity still has that ETag. Answers the NIKs whose transaction was refused because another writer got
    /// there first; none of those were written, and the caller reads them again.
    /// </summary>
    public async Task<IReadOnlySet<string>> TryWriteAsync(IEnumerable<NikCoverageEntity> entities, CancellationToken cancellationToken = default)
    {
        var actions = entities.Select(entity => entity.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, entity.Entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity.Entity, entity.ETag));
        var refused = await TableBatches.SubmitAsync(await _table.GetAsync(cancellationToken), actions, cancellationToken);
        return refused.SelectMany(transaction => transaction.Actions).Select(action => action.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The stored entity of each NIK that has one (point reads).</summary>
    public async Task<IReadOnlyDictionary<string, NikCoverageEntity>> FindAsync(IEnumerable<string> niks, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = new ConcurrentDictionary<string, NikCoverageEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(niks.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (nik, token) =>
            {
                var response = await table.GetEntityIfExistsAsync<TableEntity>(NikCoverageEntity.PartitionOf(nik), nik, cancellationToken: token);
                if (response.HasValue)
                {
                    found[nik] = new NikCoverageEntity(response.Value!);
                }
            });
        return found;
    }
}
