using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Access;

/// <summary>
/// Table <c>apikeys</c>: PartitionKey "key", RowKey the SHA-256 of the key (hex). The key itself is shown once,
/// when created, and never stored: a stolen table gives no usable key. Keys are 32 random bytes, so a plain
/// hash is enough (no password stretching needed).
/// </summary>
public sealed class ApiKeyEntity : ITableEntity
{
    public const string Partition = "key";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The first 12 hex digits of the hash: what listings, revocation and logs call the key.</summary>
    public string KeyId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>"*" or region codes separated by commas.</summary>
    public string Regions { get; set; } = "";

    public bool Pii { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public AccessKey ToAccessKey() => new(KeyId, Name,
        Regions == AccessKey.AllRegions ? null : Regions.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), Pii);
}
