using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Uploads;

/// <summary>A <see cref="SheetKind"/> in JSON by its <see cref="UploadKind"/> name ("enrolments"), as the API gives it.</summary>
public sealed class UploadKindJsonConverter : JsonConverter<SheetKind>
{
    public override SheetKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UploadKind.Parse(reader.GetString()) ?? throw new JsonException($"\"{reader.GetString()}\" is not a kind of upload.");

    public override void Write(Utf8JsonWriter writer, SheetKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UploadKind.NameOf(value));
}
