using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.App;
using Jamsostek.FunctionsHost.Rpc;
using Jamsostek.FunctionsHost.Storage;
using Jamsostek.FunctionsHost.Triggers;

namespace Jamsostek.FunctionsHost.Worker;

/// <summary>
/// Writes a finished invocation's queue outputs as the Functions host does: "$return" takes the return value, other
/// bindings the output of their name; a JSON array becomes one message per element, a JSON object one message
/// (indented, as the host re-serializes it), text one message, bytes one message as they are.
/// </summary>
public sealed class OutputBinder(StorageClients storage, QueueSignals signals)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task BindAsync(FunctionDefinition function, InvocationResult result, CancellationToken cancellationToken)
    {
        foreach (var binding in function.QueueOutputs)
        {
            var value = binding.Name == "$return"
                ? result.ReturnValue
                : result.Outputs.GetValueOrDefault(binding.Name);
            var messages = Messages(value).ToList();
            if (messages.Count == 0)
            {
                continue;
            }
            var queue = await storage.QueueAsync(binding.Connection, binding.QueueName.ToLowerInvariant(), cancellationToken);
            foreach (var message in messages)
            {
                await queue.SendMessageAsync(new BinaryData(message), cancellationToken: cancellationToken);
            }
            signals.Notify(binding.QueueName.ToLowerInvariant());
        }
    }

    /// <summary>The message bodies one output value makes.</summary>
    public static IEnumerable<byte[]> Messages(TypedData? value) => value?.DataCase switch
    {
        null or TypedData.DataOneofCase.None => [],
        TypedData.DataOneofCase.Bytes => [value.Bytes.ToByteArray()],
        TypedData.DataOneofCase.Stream => [value.Stream.ToByteArray()],
        TypedData.DataOneofCase.String => LooksLikeJson(value.String) && TryParse(value.String) is { } parsed ? Items(parsed) : [Encoding.UTF8.GetBytes(value.String)],
        TypedData.DataOneofCase.Json => TryParse(value.Json) is { } json ? Items(json) : [Encoding.UTF8.GetBytes(value.Json)],
        TypedData.DataOneofCase.Int => [Encoding.UTF8.GetBytes(value.Int.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        TypedData.DataOneofCase.Double => [Encoding.UTF8.GetBytes(value.Double.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        TypedData.DataOneofCase.CollectionString => value.CollectionString.String.Select(Encoding.UTF8.GetBytes),
        TypedData.DataOneofCase.CollectionBytes => value.CollectionBytes.Bytes.Select(b => b.ToByteArray()),
        _ => throw new InvalidOperationException($"An output of type {value.DataCase} cannot be written to a queue."),
    };

    private static IEnumerable<byte[]> Items(JsonNode? node) => node is JsonArray array
        ? array.Select(Item)
        : [Item(node)];

    private static byte[] Item(JsonNode? node) => Encoding.UTF8.GetBytes(node switch
    {
        null => "",
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        JsonValue flag when flag.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue number => number.ToJsonString(),
        _ => node.ToJsonString(Indented),
    });

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.Length >= 2 && ((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
