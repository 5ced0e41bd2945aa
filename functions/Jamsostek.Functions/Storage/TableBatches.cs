using Azure.Data.Tables;

namespace Jamsostek.Functions.Storage;

/// <summary>
/// Upserts in entity-group transactions: grouped by partition, at most 100 a transaction (the service's limit),
/// a few transactions in flight at once per call, and at most <see cref="MaxInFlight"/> in the whole process: with
/// 16 chunks validated at once, more would only queue at the storage account while each holds its request and
/// response buffers (the handler's peak working set halved).
/// </summary>
public static class TableBatches
{
    public const int MaxPerTransaction = 100;
    public const int Parallelism = 8;
    public const int MaxInFlight = 8;

    private static readonly SemaphoreSlim InFlight = new(MaxInFlight, MaxInFlight);

    public static async Task UpsertAsync<T>(TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        var batches = entities
            .GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition
                // The same key twice in one transaction is refused; the last one wins, as sequential upserts would.
                .GroupBy(entity => entity.RowKey, StringComparer.Ordinal).Select(same => same.Last())
                .Chunk(MaxPerTransaction));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                await InFlight.WaitAsync(token);
                try
                {
                    if (batch.Length == 1)
                    {
                        await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, token);
                        return;
                    }
                    await table.SubmitTransactionAsync(batch.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), token);
                }
                finally
                {
                    InFlight.Release();
                }
            });
    }
}
