using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Uploads;

/// <summary>The uploadchunks table (see <see cref="ChunkResultEntity"/>).</summary>
public sealed class ChunkResultStore(TableServiceClient tables)
{
    public const string TableName = "uploadchunks";

    private readonly LazyTable _table = new(tables, TableName);

    public async Task<bool> IsDoneAsync(string uploadId, int chunk, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(uploadId, ChunkResultEntity.RowKeyOf(chunk),
            select: ["RowKey"], cancellationToken: cancellationToken);
        return response.HasValue;
    }

    public async Task SaveAsync(ChunkResultEntity result, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(result.Entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ChunkResultEntity>> ListAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var results = new List<ChunkResultEntity>();
        await foreach (var result in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), cancellationToken: cancellationToken))
        {
            results.Add(new ChunkResultEntity(result));
        }
        return results;
    }

    public async Task DeleteAllAsync(string uploadId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var result in await ListAsync(uploadId, cancellationToken))
        {
            await table.DeleteEntityAsync(result.PartitionKey, result.RowKey, cancellationToken: cancellationToken);
        }
    }
}
