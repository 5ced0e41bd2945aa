using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Jamsostek.Functions.CustomHandler;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger:
/// <c>{"Data": {binding: value}, "Metadata": {trigger metadata, "sys": {...}}}</c>.
/// Keys are matched case-insensitively, as binding names are in function.json.
/// </summary>
public sealed class InvocationRequest
{
    public InvocationRequest(IDictionary<string, JsonElement>? data, IDictionary<string, JsonElement>? metadata)
    {
        Data = new Dictionary<string, JsonElement>(data ?? new Dictionary<string, JsonElement>(), StringComparer.OrdinalIgnoreCase);
        Metadata = new Dictionary<string, JsonElement>(metadata ?? new Dictionary<string, JsonElement>(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, JsonElement> Data { get; }

    public IReadOnlyDictionary<string, JsonElement> Metadata { get; }

    /// <summary>
    /// Byte content (a blob): the host sends it as a base64 string. A binding declared with dataType "string"
    /// arrives as text instead: read it with <see cref="GetString"/>, since text can look like base64.
    /// </summary>
    public byte[] GetBytes(string binding)
    {
        var value = GetData(binding);
        return value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes)
            ? bytes
            : throw new InvocationPayloadException(binding, $"expected base64 content, got {(value.ValueKind == JsonValueKind.String ? "text that is not base64" : value.ValueKind.ToString())}");
    }

    /// <summary>A plain string trigger value (a queue message's text).</summary>
    public string GetString(string binding)
    {
        var value = GetData(binding);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    /// <summary>
    /// A JSON message. The host encodes a queue message's text as a JSON string (so the JSON arrives
    /// encoded twice); a host that recognised the JSON may also pass it as an object. Both are accepted.
    /// </summary>
    public T GetJson<T>(string binding, JsonTypeInfo<T> typeInfo)
    {
        var value = GetData(binding);
        try
        {
            var result = value.ValueKind == JsonValueKind.String
                ? JsonSerializer.Deserialize(value.GetString()!, typeInfo)
                : value.Deserialize(typeInfo);
            return result ?? throw new InvocationPayloadException(binding, "the message is null");
        }
        catch (JsonException ex)
        {
            throw new InvocationPayloadException(binding, $"the message is not valid JSON for {typeof(T).Name}: {ex.Message}");
        }
    }

    public TimerInfo GetTimer(string binding) => GetJson(binding, ProtocolJsonContext.Default.TimerInfo);

    public QueueTriggerMetadata QueueTrigger => new(this);

    public BlobTriggerMetadata BlobTrigger => new(this);

    public string? GetMetadataString(string key) =>
        Metadata.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>Lets a minimal API handler take the request as a parameter.</summary>
    public static async ValueTask<InvocationRequest?> BindAsync(HttpContext context)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(
                context.Request.Body, ProtocolJsonContext.Default.InvocationRequestBody, context.RequestAborted);
            return new InvocationRequest(body?.Data, body?.Metadata);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException($"The invocation request is not valid JSON: {ex.Message}", StatusCodes.Status400BadRequest, ex);
        }
    }

    public JsonElement GetData(string binding) =>
        Data.TryGetValue(binding, out var value)
            ? value
            : throw new InvocationPayloadException(binding, "no such binding in Data");
}

/// <summary>The request does not carry what the function's binding promised.</summary>
public sealed class InvocationPayloadException(string binding, string problem)
    : Exception($"Invocation data for binding '{binding}' is unusable: {problem}.")
{
    public string Binding { get; } = binding;
}
