using System.Text.Json.Nodes;

namespace Jamsostek.LocalHost.Handler;

/// <summary>How one invocation ended: the handler's Outputs, Logs and ReturnValue, or why it failed.</summary>
public sealed record InvocationResult(bool Succeeded, JsonObject Outputs, IReadOnlyList<string> Logs, JsonNode? ReturnValue, string? Failure)
{
    public static InvocationResult Failed(string reason) => new(false, [], [], null, reason);
}
