using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Creates, finds, lists and revokes API keys (see <see cref="ApiKeyEntity"/>). Lookups are cached for a short
/// while per instance, so a revoked key stops working within <see cref="CacheFor"/> on every instance.
/// </summary>
public sealed class ApiKeyStore(TableServiceClient tables, TimeProvider time)
{
    public const string TableName = "apikeys";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly LazyTable _table = new(tables, TableName);
    private readonly ConcurrentDictionary<string, (AccessKey? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: "jmsk_" and 43 base64url characters of randomness. Returned once; only its hash is stored.</summary>
    public async Task<(string Key, ApiKeyEntity Entity)> CreateAsync(string name, IReadOnlyCollection<string>? regions, bool pii,
        CancellationToken cancellationToken = default)
    {
        var key = "jmsk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Hash(key);
        var entity = new ApiKeyEntity
        {
            RowKey = hash,
            KeyId = hash[..12],
            Name = name,
            Regions = regions is null ? AccessKey.AllRegions : string.Join(',', regions.Order(StringComparer.Ordinal)),
            Pii = pii,
            CreatedAt = time.GetUtcNow(),
        };
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(entity.Entity, cancellationToken);
        return (key, entity);
    }

    /// <summary>The access a presented key gives, or null for an unknown or revoked key.</summary>
    public async Task<AccessKey?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ApiKeyEntity.Partition, hash, cancellationToken: cancellationToken);
        var stored = found.HasValue ? new ApiKeyEntity(found.Value!) : null;
        var access = stored is { RevokedAt: null } ? stored.ToAccessKey() : null;
        _cache[hash] = (access, now + CacheFor);
        return access;
    }

    public async Task<IReadOnlyList<ApiKeyEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var keys = new List<ApiKeyEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ApiKeyEntity.Partition}"), cancellationToken: cancellationToken))
        {
            keys.Add(new ApiKeyEntity(entity));
        }
        return [.. keys.OrderBy(k => k.CreatedAt)];
    }

    /// <summary>Revokes the key with this id; false when there is none (or it was revoked already).</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var entity = (await ListAsync(cancellationToken)).FirstOrDefault(k => k.KeyId == keyId && k.RevokedAt is null);
        if (entity is null)
        {
            return false;
        }
        entity.RevokedAt = time.GetUtcNow();
        var table = await _table.GetAsync(cancellationToken);
        await table.UpdateEntityAsync(entity.Entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        _cache.TryRemove(entity.RowKey, out _);
        return true;
    }
}
