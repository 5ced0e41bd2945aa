using Azure;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Uploads;

/// <summary>The uploads table.</summary>
public sealed class UploadStore(TableServiceClient tables, TimeProvider time)
{
    public const string TableName = "uploads";

    private readonly LazyTable _table = new(tables, TableName);

    public async Task<UploadRecord?> FindAsync(string region, string uploadId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(region, uploadId, cancellationToken: cancellationToken);
        return response.HasValue ? new UploadRecord(response.Value!) : null;
    }

    /// <summary>One region's uploads, or every upload when <paramref name="region"/> is null (a small table: one row per file).</summary>
    public async Task<IReadOnlyList<UploadRecord>> ListAsync(string? region, CancellationToken cancellationToken = default) =>
        await _table.ListAsync(region, entity => new UploadRecord(entity), cancellationToken);

    public async Task SaveAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        record.UpdatedAt = time.GetUtcNow();
        await table.UpsertEntityAsync(record.Entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Adds the record unless one with its key exists; false when one does (the stored one is left as it is).</summary>
    public async Task<bool> TryAddAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        record.UpdatedAt = time.GetUtcNow();
        try
        {
            var response = await table.AddEntityAsync(record.Entity, cancellationToken);
            record.ETag = response.Headers.ETag ?? record.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Saves only if nobody changed the record since it was read; false when somebody did.</summary>
    public async Task<bool> TryReplaceAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        record.UpdatedAt = time.GetUtcNow();
        try
        {
            var response = await table.UpdateEntityAsync(record.Entity, record.ETag, TableUpdateMode.Replace, cancellationToken);
            record.ETag = response.Headers.ETag ?? record.ETag;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}
