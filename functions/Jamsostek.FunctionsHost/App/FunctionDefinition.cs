using Jamsostek.FunctionsHost.Rpc;

namespace Jamsostek.FunctionsHost.App;

/// <summary>
/// One function as the worker indexed it: its name, the worker's id for it, its trigger and outputs with app
/// settings expanded, and the metadata the host loads it with.
/// </summary>
public sealed record FunctionDefinition(string Name, string FunctionId, TriggerBinding Trigger, IReadOnlyList<QueueOutputBinding> QueueOutputs,
    RpcFunctionMetadata Metadata)
{
    /// <summary>The id the host uses in receipts, locks and poison messages.</summary>
    public string FullName => $"Host.Functions.{Name}";
}

/// <summary>How a trigger's value travels to the worker, from the binding's dataType and its deferred-binding flag.</summary>
public enum TriggerValueKind
{
    /// <summary>The worker builds an SDK client from model binding data (a BlobClient, a QueueMessage).</summary>
    ModelBindingData,
    Text,
    Bytes,
}

public abstract record TriggerBinding(string Name);

public sealed record BlobTriggerBinding(string Name, string Path, string Connection, BlobTriggerSource Source, TriggerValueKind ValueKind)
    : TriggerBinding(Name);

public enum BlobTriggerSource
{
    LogsAndContainerScan,
    EventGrid,
}

public sealed record QueueTriggerBinding(string Name, string QueueName, string Connection, TriggerValueKind ValueKind) : TriggerBinding(Name);

public sealed record TimerTriggerBinding(string Name, string Schedule, bool RunOnStartup, bool? UseMonitor) : TriggerBinding(Name);

public sealed record HttpTriggerBinding(string Name, string? Route, IReadOnlyList<string> Methods, AuthLevel AuthLevel)
    : TriggerBinding(Name);

public enum AuthLevel
{
    Anonymous,
    Function,
    Admin,
}

/// <summary>A queue output binding; "$return" takes the invocation's return value.</summary>
public sealed record QueueOutputBinding(string Name, string QueueName, string Connection);
