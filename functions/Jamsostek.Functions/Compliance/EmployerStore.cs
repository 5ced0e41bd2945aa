using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Compliance;

/// <summary>The employers table (see <see cref="EmployerEntity"/> for its keys).</summary>
public sealed class EmployerStore(TableServiceClient tables)
{
    public const string TableName = "employers";

    private readonly LazyTable _table = new(tables, TableName);

    public async Task UpsertAsync(IEnumerable<EmployerEntity> employers, CancellationToken cancellationToken = default) =>
        await TableBatches.UpsertAsync(await _table.GetAsync(cancellationToken), employers, cancellationToken);

    /// <summary>Every employer of one snapshot (the upload that holds it), streamed page by page.</summary>
    public async IAsyncEnumerable<EmployerEntity> ListAsync(string uploadId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"),
            cancellationToken: cancellationToken))
        {
            yield return new EmployerEntity(entity);
        }
    }
}
