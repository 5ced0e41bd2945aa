using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Table <c>apikeys</c>: PartitionKey "key", RowKey the SHA-256 of the key (hex). The key itself is shown once,
/// when created, and never stored: a stolen table gives no usable key. Keys are 32 random bytes, so a plain
/// hash is enough (no password stretching needed).
/// </summary>
public sealed class ApiKeyEntity(TableEntity entity) : TableRecord(entity)
{
    public const string Partition = "key";

    public ApiKeyEntity() : this(new TableEntity())
    {
        PartitionKey = Partition;
    }

    /// <summary>The first 12 hex digits of the hash: what listings, revocation and logs call the key.</summary>
    public string KeyId { get => Text(); set => Set(value); }

    public string Name { get => Text(); set => Set(value); }

    /// <summary>"*" or region codes separated by commas.</summary>
    public string Regions { get => Text(); set => Set(value); }

    public bool Pii { get => Boolean(); set => Set(value); }

    /// <summary>May upload sheets (POST /api/uploads). Keys made before this permission existed have none.</summary>
    public bool Upload { get => Boolean(); set => Set(value); }

    /// <summary>After this moment the key is refused, as a revoked one is; null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get => MomentOrNull(); set => Set(value); }

    public DateTimeOffset CreatedAt { get => Moment(); set => Set(value); }

    public DateTimeOffset? RevokedAt { get => MomentOrNull(); set => Set(value); }

    public AccessKey ToAccessKey() => new(KeyId, Name,
        Regions == AccessKey.AllRegions ? null : Regions.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), Pii, Upload, ExpiresAt);
}
