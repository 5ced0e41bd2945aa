using System.Text.Json.Serialization;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>
/// The message the host queues for each detected blob (queue <c>azure-webjobs-blobtrigger-{hostId}</c>) and,
/// after five failed attempts, puts on <c>webjobs-blobtrigger-poison</c>.
/// </summary>
public sealed record BlobTriggerMessage(string Type, string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag);

[JsonSerializable(typeof(BlobTriggerMessage))]
internal sealed partial class BlobTriggerJsonContext : JsonSerializerContext;
