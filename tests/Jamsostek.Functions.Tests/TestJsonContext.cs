using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jamsostek.Functions.Tests;

/// <summary>The message a chunk-validation queue carries.</summary>
public sealed record ChunkMessage(string UploadId, int Chunk);

/// <summary>The <c>Data.req</c> value of a non-forwarded HTTP trigger invocation.</summary>
public sealed record HttpTriggerRequest(
    string Url,
    string Method,
    JsonElement Query,
    Dictionary<string, string[]> Headers,
    Dictionary<string, string> Params,
    string? Body);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChunkMessage))]
[JsonSerializable(typeof(HttpTriggerRequest))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
