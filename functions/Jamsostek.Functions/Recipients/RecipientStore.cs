using Azure;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Recipients;

/// <summary>The digest recipients (see <see cref="RecipientEntity"/>).</summary>
public sealed class RecipientStore(TableServiceClient tables)
{
    public const string TableName = "digestrecipients";

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>Every recipient, or one region's, ordered by region and id.</summary>
    public async Task<IReadOnlyList<RecipientEntity>> ListAsync(string? region = null, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var filter = region is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {RecipientEntity.Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {RecipientEntity.Partition} and Region eq {region}");
        var found = new List<RecipientEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new RecipientEntity(entity));
        }
        return [.. found.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    public async Task<RecipientEntity?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(RecipientEntity.Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? new RecipientEntity(response.Value!) : null;
    }

    /// <summary>Adds a recipient; false when the id is taken.</summary>
    public async Task<bool> TryAddAsync(RecipientEntity recipient, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(recipient.Entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates or updates the recipient's own fields (region, name, role, address, language). A merge, so what the
    /// digest keeps on the row (the last week sent) survives an edit.
    /// </summary>
    public async Task SaveAsync(RecipientEntity recipient, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var fields = new TableEntity(RecipientEntity.Partition, recipient.RowKey)
        {
            [nameof(RecipientEntity.Region)] = recipient.Region,
            [nameof(RecipientEntity.Name)] = recipient.Name,
            [nameof(RecipientEntity.Role)] = recipient.Role,
            [nameof(RecipientEntity.Email)] = recipient.Email,
            [nameof(RecipientEntity.Language)] = recipient.Language,
            [nameof(RecipientEntity.CreatedAt)] = recipient.CreatedAt,
            [nameof(RecipientEntity.UpdatedAt)] = recipient.UpdatedAt,
        };
        await table.UpsertEntityAsync(fields, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            // The SDK answers a missing entity with 404 rather than an exception.
            var response = await table.DeleteEntityAsync(RecipientEntity.Partition, id, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Records the week of the digest just sent; nothing when the recipient was removed meanwhile.</summary>
    public async Task SetLastSentWeekAsync(string id, string week, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(RecipientEntity.Partition, id) { [nameof(RecipientEntity.LastSentWeek)] = week },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
