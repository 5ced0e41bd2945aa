using System.Globalization;
using System.Text.Json;

namespace Jamsostek.Functions.CustomHandler;

/// <summary>
/// The metadata the host adds for a queue trigger: a Storage queue's (<c>DequeueCount</c>, <c>Id</c>,
/// <c>InsertionTime</c>), or a Service Bus queue's when the transport is switched at publish time
/// (<c>DeliveryCount</c>, <c>MessageId</c>, <c>EnqueuedTimeUtc</c>).
/// </summary>
public readonly struct QueueTriggerMetadata(InvocationRequest request)
{
    public string? Id => request.GetMetadataString("Id") ?? request.GetMetadataString("MessageId");

    /// <summary>How often the message was delivered, this time included; 1 when the host did not say.</summary>
    public int DequeueCount => Count("DequeueCount") ?? Count("DeliveryCount") ?? 1;

    public DateTimeOffset? InsertionTime => ParseTime(request.GetMetadataString("InsertionTime") ?? request.GetMetadataString("EnqueuedTimeUtc"));

    private int? Count(string key) =>
        request.Metadata.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : int.TryParse(request.GetMetadataString(key), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}

/// <summary>The metadata the host adds for a blob trigger, including the path's named parts.</summary>
public readonly struct BlobTriggerMetadata(InvocationRequest request)
{
    /// <summary>"container/blob/name", as the host reports it.</summary>
    public string? BlobTrigger => request.GetMetadataString("BlobTrigger");

    public Uri? Uri => request.GetMetadataString("Uri") is { } uri ? new Uri(uri) : null;

    public string? ETag
    {
        get
        {
            if (!request.Metadata.TryGetValue("Properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            foreach (var property in properties.EnumerateObject())
            {
                if (property.NameEquals("ETag") || string.Equals(property.Name, "etag", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
            return null;
        }
    }

    /// <summary>A named part of the trigger path, like <c>{region}</c> in <c>uploads/{region}/{name}</c>.</summary>
    public string? PathValue(string name) => request.GetMetadataString(name);
}
