using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Uploads;

/// <summary>The uploads table.</summary>
public sealed class UploadStore(TableServiceClient tables)
{
    public const string TableName = "uploads";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private int _created;

    public async Task<UploadRecord?> FindAsync(string region, string uploadId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<UploadRecord>(region, uploadId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task SaveAsync(UploadRecord record, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        record.UpdatedAt = DateTimeOffset.UtcNow;
        await _table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            try
            {
                await _table.CreateIfNotExistsAsync(cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
            Volatile.Write(ref _created, 1);
        }
    }
}
