using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Jamsostek.Functions.CustomHandler;

/// <summary>
/// What a function answers to the host: <c>Outputs</c> keyed by output binding name (a queue binding
/// takes a string or an array of strings, one message each), <c>Logs</c> for the invocation log and
/// <c>ReturnValue</c> for a <c>$return</c> binding.
/// </summary>
public sealed class InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, JsonNode?> Outputs { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonNode? ReturnValue { get; set; }

    public InvocationResponse WithQueueMessages(string binding, IEnumerable<string> messages)
    {
        Outputs[binding] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]);
        return this;
    }

    public InvocationResponse WithLog(string message)
    {
        Logs.Add(message);
        return this;
    }
}
