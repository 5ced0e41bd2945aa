using Azure;
using Azure.Data.Tables;
using Jamsostek.Core.Digest;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>The send ledger (see <see cref="DigestLedgerEntity"/>): claims by insert, take-overs by ETag.</summary>
public sealed class DigestLedgerStore(TableServiceClient tables)
{
    public const string TableName = "digestledger";

    private readonly LazyTable _table = new(tables, TableName);

    public async Task<DigestLedgerEntity?> FindAsync(string week, string recipientId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(week, recipientId, cancellationToken: cancellationToken);
        return response.HasValue ? new DigestLedgerEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<DigestLedgerEntity>> ListAsync(string week, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = new List<DigestLedgerEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {week}"), cancellationToken: cancellationToken))
        {
            found.Add(new DigestLedgerEntity(entity));
        }
        return found;
    }

    /// <summary>Claims a digest no run has touched: the insert succeeds for one run only; null for the others.</summary>
    public async Task<DigestLedgerEntity?> TryClaimAsync(string week, string recipientId, string region, DateTimeOffset now, string instance,
        CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = new DigestLedgerEntity
        {
            PartitionKey = week,
            RowKey = recipientId,
            Region = region,
            Status = DigestStatus.Sending,
            Attempts = 1,
            ClaimedAt = now,
            ClaimedBy = instance,
        };
        try
        {
            var response = await table.AddEntityAsync(entity.Entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? ETag.All;
            return entity;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Takes over a failed (or abandoned) claim, if nobody changed the row since it was read; null otherwise.</summary>
    public async Task<DigestLedgerEntity?> TryTakeOverAsync(DigestLedgerEntity entry, DateTimeOffset now, string instance,
        CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        entry.Status = DigestStatus.Sending;
        entry.Attempts++;
        entry.ClaimedAt = now;
        entry.ClaimedBy = instance;
        try
        {
            var response = await table.UpdateEntityAsync(entry.Entity, entry.ETag, TableUpdateMode.Replace, cancellationToken);
            entry.ETag = response.Headers.ETag ?? ETag.All;
            return entry;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Records a sent digest. Unconditional: the mail is out, whatever happened to the row meanwhile.</summary>
    public async Task MarkSentAsync(DigestLedgerEntity entry, DateTimeOffset now, string messageId, string snapshot, CancellationToken cancellationToken = default)
    {
        entry.Status = DigestStatus.Sent;
        entry.SentAt = now;
        entry.MessageId = messageId;
        entry.Snapshot = snapshot;
        entry.LastError = null;
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(entry.Entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records a failed attempt, unless the row moved on meanwhile (another run took it over and sent it).</summary>
    public async Task MarkFailedAsync(DigestLedgerEntity entry, DateTimeOffset now, string error, CancellationToken cancellationToken = default)
    {
        entry.Status = DigestStatus.Failed;
        entry.FailedAt = now;
        entry.LastError = error;
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.UpdateEntityAsync(entry.Entity, entry.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
        }
    }

    /// <summary>Forgets a recipient's digest of a week, so the next run sends it (again); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string week, string recipientId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            // The SDK answers a missing entity with 404 rather than an exception.
            var response = await table.DeleteEntityAsync(week, recipientId, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
