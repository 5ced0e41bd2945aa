using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Storage;

/// <summary>
/// Writes in entity-group transactions: grouped by partition, at most 100 a transaction (the service's limit),
/// a few transactions in flight at once per call, and at most <see cref="MaxInFlight"/> in the whole process: with
/// 16 chunks validated at once, more would only queue at the storage account while each holds its request and
/// response buffers (the worker's peak working set halved).
/// </summary>
public static class TableBatches
{
    public const int MaxPerTransaction = 100;
    public const int Parallelism = 8;
    public const int MaxInFlight = 8;

    private static readonly SemaphoreSlim InFlight = new(MaxInFlight, MaxInFlight);

    public static async Task UpsertAsync(TableClient table, IEnumerable<TableRecord> records, CancellationToken cancellationToken = default)
    {
        // The last version of an entity wins, as sequential upserts would; a transaction may not name one entity twice.
        var actions = records.GroupBy(r => (r.PartitionKey, r.RowKey)).Select(same => same.Last())
            .Select(record => new TableTransactionAction(TableTransactionActionType.UpsertReplace, record.Entity));
        var refused = await SubmitAsync(table, actions, cancellationToken);
        if (refused.Count > 0)
        {
            throw refused[0].Error;
        }
    }

    /// <summary>
    /// Submits the actions (at most one per entity) and answers the transactions the service refused because an
    /// entity was not as the action expected: an <c>Add</c> whose entity exists (409), an update whose ETag no longer
    /// matches (412) or whose entity is gone (404). Nothing of a refused transaction is written. Other failures throw.
    /// </summary>
    public static async Task<IReadOnlyList<RefusedTransaction>> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions,
        CancellationToken cancellationToken = default)
    {
        var batches = actions.GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxPerTransaction));
        var refused = new List<RefusedTransaction>();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                await InFlight.WaitAsync(token);
                try
                {
                    await table.SubmitTransactionAsync(batch, token);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
                {
                    lock (refused)
                    {
                        refused.Add(new RefusedTransaction(batch, ex));
                    }
                }
                finally
                {
                    InFlight.Release();
                }
            });
        return refused;
    }
}

/// <summary>A transaction the service refused as a whole, and why.</summary>
public sealed record RefusedTransaction(IReadOnlyList<TableTransactionAction> Actions, RequestFailedException Error);
