using System.Text.Json.Serialization;

namespace Jamsostek.Functions.Staging;

/// <summary>
/// The claim check IngestUpload queues on <c>validation</c>, one per chunk: where the chunk's rows are, not the
/// rows themselves (a queue message holds at most 64 KB).
/// </summary>
public sealed record ChunkMessage(
    [property: JsonPropertyName("uploadId")] string UploadId,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("chunk")] int Chunk,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("blob")] string Blob);

[JsonSerializable(typeof(ChunkMessage))]
public sealed partial class StagingJsonContext : JsonSerializerContext;
