using System.Text.Json.Nodes;
using Jamsostek.LocalHost.App;
using Jamsostek.LocalHost.Storage;
using Jamsostek.LocalHost.Triggers;

namespace Jamsostek.LocalHost.Handler;

/// <summary>
/// Turns a response's Outputs into queue messages: a string is one message, an array one message per
/// element, an object one JSON message; "$return" takes ReturnValue.
/// </summary>
public sealed class OutputBinder(StorageClients storage, QueueSignals signals)
{
    public async Task BindAsync(FunctionDefinition function, InvocationResult result, CancellationToken cancellationToken)
    {
        foreach (var binding in function.QueueOutputs)
        {
            var value = binding.Name == "$return"
                ? result.ReturnValue
                : result.Outputs.FirstOrDefault(p => string.Equals(p.Key, binding.Name, StringComparison.OrdinalIgnoreCase)).Value;
            var messages = Messages(value).ToList();
            if (messages.Count == 0)
            {
                continue;
            }
            var queue = await storage.QueueAsync(binding.Connection, binding.QueueName, cancellationToken);
            foreach (var message in messages)
            {
                await queue.SendMessageAsync(message, cancellationToken);
            }
            signals.Notify(binding.QueueName);
        }
    }

    internal static IEnumerable<string> Messages(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array => array.SelectMany(Messages),
        JsonValue text when text.TryGetValue<string>(out var s) => [s],
        _ => [value.ToJsonString()],
    };
}
