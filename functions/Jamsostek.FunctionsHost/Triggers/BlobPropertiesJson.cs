using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Jamsostek.FunctionsHost.Worker;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// A blob's Properties and Metadata trigger metadata, shaped as the Functions host's serializer writes the SDK's
/// BlobProperties: property names as declared, enums as numbers, dates with their offset, and ETag as the empty object
/// that a struct without public properties becomes.
/// </summary>
internal static class BlobPropertiesJson
{
    public static void Write(Utf8JsonWriter writer, BlobProperties properties)
    {
        writer.WriteStartObject();
        writer.WriteString("LastModified", TypedValues.Date(properties.LastModified));
        writer.WriteString("CreatedOn", TypedValues.Date(properties.CreatedOn));
        writer.WritePropertyName("Metadata");
        WriteMetadata(writer, properties.Metadata);
        writer.WriteNumber("BlobType", (int)properties.BlobType);
        writer.WriteBoolean("IsIncrementalCopy", properties.IsIncrementalCopy);
        writer.WriteNumber("LeaseDuration", (int)properties.LeaseDuration);
        writer.WriteNumber("LeaseState", (int)properties.LeaseState);
        writer.WriteNumber("LeaseStatus", (int)properties.LeaseStatus);
        writer.WriteNumber("ContentLength", properties.ContentLength);
        WriteText(writer, "ContentType", properties.ContentType);
        writer.WriteStartObject("ETag");
        writer.WriteEndObject();
        if (properties.ContentHash is { } hash)
        {
            writer.WriteBase64String("ContentHash", hash);
        }
        else
        {
            writer.WriteNull("ContentHash");
        }
        WriteText(writer, "ContentEncoding", properties.ContentEncoding);
        WriteText(writer, "ContentDisposition", properties.ContentDisposition);
        WriteText(writer, "ContentLanguage", properties.ContentLanguage);
        WriteText(writer, "CacheControl", properties.CacheControl);
        WriteText(writer, "AccessTier", properties.AccessTier?.ToString());
        writer.WriteBoolean("IsServerEncrypted", properties.IsServerEncrypted);
        WriteText(writer, "VersionId", properties.VersionId);
        writer.WriteBoolean("IsLatestVersion", properties.IsLatestVersion);
        writer.WriteEndObject();
    }

    public static void WriteMetadata(Utf8JsonWriter writer, IDictionary<string, string> metadata)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in metadata)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
