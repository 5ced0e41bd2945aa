namespace Jamsostek.LocalHost.App;

/// <summary>One function: its folder name and the bindings of its function.json, settings expanded.</summary>
public sealed record FunctionDefinition(string Name, TriggerBinding Trigger, IReadOnlyList<QueueOutputBinding> QueueOutputs)
{
    /// <summary>The id the host uses in receipts, locks and poison messages.</summary>
    public string FullName => $"Host.Functions.{Name}";
}

public abstract record TriggerBinding(string Name);

public sealed record BlobTriggerBinding(string Name, string Path, string Connection, BlobTriggerSource Source, bool AsString)
    : TriggerBinding(Name);

public enum BlobTriggerSource
{
    LogsAndContainerScan,
    EventGrid,
}

public sealed record QueueTriggerBinding(string Name, string QueueName, string Connection) : TriggerBinding(Name);

public sealed record TimerTriggerBinding(string Name, string Schedule, bool RunOnStartup, bool? UseMonitor) : TriggerBinding(Name);

public sealed record HttpTriggerBinding(string Name, string? Route, IReadOnlyList<string> Methods, AuthLevel AuthLevel)
    : TriggerBinding(Name);

public enum AuthLevel
{
    Anonymous,
    Function,
    Admin,
}

/// <summary>A queue output binding; "$return" takes the response's ReturnValue.</summary>
public sealed record QueueOutputBinding(string Name, string QueueName, string Connection);
