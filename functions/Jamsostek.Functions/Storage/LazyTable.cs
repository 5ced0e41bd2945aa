using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Storage;

/// <summary>A table client that creates its table on first use (a new storage account has none).</summary>
public sealed class LazyTable(TableServiceClient tables, string name)
{
    private readonly TableClient _client = tables.GetTableClient(name);
    private int _created;

    // Kept should the app ever be trimmed: the SDK writes the create-table request by reflection over its internal
    // TableProperties, and makes every TableEntity it reads with Activator.CreateInstance.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, "Azure.Data.Tables.Models.TableProperties", "Azure.Data.Tables")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(TableEntity))]
    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            try
            {
                await _client.CreateIfNotExistsAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Created meanwhile by another instance, or still being deleted: either way it is there.
            }
            Volatile.Write(ref _created, 1);
        }
        return _client;
    }

    /// <summary>Every entity of one partition, or of the table when <paramref name="partitionKey"/> is null (small tables only).</summary>
    public async Task<List<T>> ListAsync<T>(string? partitionKey, Func<TableEntity, T> record, CancellationToken cancellationToken = default)
        where T : TableRecord
    {
        var table = await GetAsync(cancellationToken);
        var found = new List<T>();
        var query = partitionKey is null
            ? table.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            : table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            found.Add(record(entity));
        }
        return found;
    }
}
