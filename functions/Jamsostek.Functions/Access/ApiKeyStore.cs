using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Creates, finds, lists and revokes API keys (see <see cref="ApiKeyEntity"/>). Keys found are cached for a short
/// while per instance, so a revoked key stops working within <see cref="CacheFor"/> on every instance. Only keys
/// that exist are cached, at most <see cref="CachedKeys"/> of them: a caller trying made-up keys costs a point read
/// each and no memory.
/// </summary>
public sealed class ApiKeyStore(TableServiceClient tables, TimeProvider time) : IDisposable
{
    public const string TableName = "apikeys";
    public const int CachedKeys = 10_000;
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly LazyTable _table = new(tables, TableName);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CachedKeys });

    /// <summary>How many keys are cached now (for tests: it must not grow with unknown keys).</summary>
    public int CachedCount => _cache.Count;

    public void Dispose() => _cache.Dispose();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: "jmsk_" and 43 base64url characters of randomness. Returned once; only its hash is stored.</summary>
    public async Task<(string Key, ApiKeyEntity Entity)> CreateAsync(string name, IReadOnlyCollection<string>? regions, bool pii,
        bool upload = false, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
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
            Upload = upload,
            ExpiresAt = expiresAt,
            CreatedAt = time.GetUtcNow(),
        };
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(entity.Entity, cancellationToken);
        return (key, entity);
    }

    /// <summary>The access a presented key gives, or null for an unknown, revoked or expired key.</summary>
    public async Task<AccessKey?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out AccessKey? cached) && cached is not null)
        {
            return cached.ExpiresAt is { } expires && expires <= now ? null : cached;
        }
        var table = await _table.GetAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ApiKeyEntity.Partition, hash, cancellationToken: cancellationToken);
        var stored = found.HasValue ? new ApiKeyEntity(found.Value!) : null;
        if (stored is not { RevokedAt: null } || stored.ExpiresAt is { } expiry && expiry <= now)
        {
            return null;
        }
        var access = stored.ToAccessKey();
        _cache.Set(hash, access, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor });
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
        _cache.Remove(entity.RowKey);
        return true;
    }
}
