using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jamsostek.Functions.CustomHandler;

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(InvocationRequestBody))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(TimerInfo))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>The wire shape, copied into <see cref="InvocationRequest"/> with case-insensitive keys.</summary>
internal sealed record InvocationRequestBody(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata);
