using Azure.Data.Tables;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Recipients;

/// <summary>
/// Table <c>digestrecipients</c>: one row per person who gets a region's weekly digest. PartitionKey "recipient"
/// (a few rows per region, a few thousand at most: one partition keeps listing them one query), RowKey the
/// recipient id, which the send ledger and the logs use instead of the name or address.
/// </summary>
public sealed class RecipientEntity(TableEntity entity) : TableRecord(entity)
{
    public const string Partition = "recipient";

    public RecipientEntity() : this(new TableEntity())
    {
        PartitionKey = Partition;
        Language = "id";
    }

    public string Id => RowKey;

    public string Region { get => Text(); set => Set(value); }

    public string Name { get => Text(); set => Set(value); }

    public string Role { get => Text(); set => Set(value); }

    public string Email { get => Text(); set => Set(value); }

    /// <summary>"id" (Bahasa Indonesia) or "en".</summary>
    public string Language { get => Text("id"); set => Set(value); }

    public DateTimeOffset CreatedAt { get => Moment(); set => Set(value); }

    public DateTimeOffset UpdatedAt { get => Moment(); set => Set(value); }

    /// <summary>The week of the last digest sent to this recipient: where the next one finds what to compare with.</summary>
    public string? LastSentWeek { get => TextOrNull(); set => Set(value); }

    public DigestRecipient ToRecipient() => new(Id, Region, Name, string.IsNullOrWhiteSpace(Role) ? null : Role, Email,
        Language == "en" ? Core.Templates.Language.En : Core.Templates.Language.Id);
}
