using System.Text.Json.Nodes;

namespace Jamsostek.LocalHost.Handler;

/// <summary>
/// The request body for one invocation. <see cref="StreamedData"/> is sent base64-encoded straight from its
/// stream, so a large blob never sits in memory as one string.
/// </summary>
public sealed record InvocationPayload(JsonObject Data, JsonObject Metadata, StreamedBinding? StreamedData = null)
{
    /// <summary>The "sys" metadata the host adds to every invocation.</summary>
    public static JsonObject SystemMetadata(string methodName) => new()
    {
        ["MethodName"] = methodName,
        ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}

public sealed record StreamedBinding(string Name, Func<CancellationToken, Task<Stream>> OpenAsync, bool AsText);
