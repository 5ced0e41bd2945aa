using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>
/// Writes what one invocation received to the folder the setting RecordingsDirectory names, one JSON file per
/// invocation: the function, the invocation id, the worker's process id, every binding data entry as the worker holds
/// it, and the values the function chose to report.
/// </summary>
public sealed class Recorder(IConfiguration configuration)
{
    public async Task RecordAsync(FunctionContext context, IReadOnlyDictionary<string, object?> values)
    {
        var folder = configuration["RecordingsDirectory"] ?? throw new InvalidOperationException("RecordingsDirectory is not set.");
        var record = new Dictionary<string, object?>
        {
            ["function"] = context.FunctionDefinition.Name,
            ["invocationId"] = context.InvocationId,
            ["processId"] = Environment.ProcessId,
            ["bindingData"] = context.BindingContext.BindingData.ToDictionary(e => e.Key, e => e.Value?.ToString()),
            ["values"] = values,
        };
        var name = $"{context.FunctionDefinition.Name}-{DateTime.UtcNow.Ticks:D19}-{Guid.NewGuid():N}.json";
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record));
        File.Move(temporary, Path.Combine(folder, name));
    }
}
