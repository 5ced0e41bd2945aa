using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;

namespace Jamsostek.Functions.Recipients;

/// <summary>
/// Table <c>digestrecipients</c>: one row per person who gets a region's weekly digest. PartitionKey "recipient"
/// (a few rows per region, a few thousand at most: one partition keeps listing them one query), RowKey the
/// recipient id, which the send ledger and the logs use instead of the name or address.
/// </summary>
public sealed class RecipientEntity : ITableEntity
{
    public const string Partition = "recipient";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    public string Region { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>"id" (Bahasa Indonesia) or "en".</summary>
    public string Language { get; set; } = "id";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The week of the last digest sent to this recipient: where the next one finds what to compare with.</summary>
    public string? LastSentWeek { get; set; }

    public DigestRecipient ToRecipient() => new(Id, Region, Name, string.IsNullOrWhiteSpace(Role) ? null : Role, Email,
        Language == "en" ? Core.Templates.Language.En : Core.Templates.Language.Id);
}
