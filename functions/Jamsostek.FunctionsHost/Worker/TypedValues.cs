using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Jamsostek.FunctionsHost.Rpc;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// Values as the Functions host puts them on the wire: a string stays a string, bytes stay bytes, an SDK binding is
/// model binding data, and everything else (numbers, dates, URIs, objects) is JSON text written the way the host's
/// serializer writes it (dates ISO 8601 with their offset, property names as declared).
/// </summary>
public static class TypedValues
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TypedData String(string value) => new() { String = value };

    public static TypedData Bytes(ReadOnlyMemory<byte> value) => new() { Bytes = ByteString.CopyFrom(value.Span) };

    public static TypedData Json(string json) => new() { Json = json };

    public static TypedData Json(long value) => Json(value.ToString(CultureInfo.InvariantCulture));

    public static TypedData Json(bool value) => Json(value ? "true" : "false");

    public static TypedData Json(DateTimeOffset value) => Json(Quoted(Date(value)));

    public static TypedData Json(Uri value) => Json(Quoted(value.OriginalString));

    /// <summary>An object as JSON, through a source-generated or reflection-free writer the caller provides.</summary>
    public static TypedData Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return Json(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>What the worker's SDK-type converters read: the extension that made it, and its JSON content.</summary>
    public static TypedData ModelBindingData(string source, Action<Utf8JsonWriter> writeContent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writeContent(writer);
        }
        return new TypedData
        {
            ModelBindingData = new ModelBindingData
            {
                Version = "1.0",
                Source = source,
                ContentType = "application/json",
                Content = ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length),
            },
        };
    }

    /// <summary>A date as the host's JSON has it: "2024-10-24T10:00:00+00:00", fractions only when there are any.</summary>
    public static string Date(DateTimeOffset value) => value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Quoted(string text) => JsonSerializer.Serialize(text, Compact);
}
