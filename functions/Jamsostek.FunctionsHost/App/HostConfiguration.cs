namespace Jamsostek.FunctionsHost.App;

/// <summary>What host.json says, with the Functions host's defaults where it is silent.</summary>
public sealed record HostConfiguration
{
    public required string Version { get; init; }

    public string RoutePrefix { get; init; } = "api";

    public QueueHostOptions Queues { get; init; } = new();

    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(30);
}

/// <summary>host.json extensions.queues, with the documented defaults.</summary>
public sealed record QueueHostOptions
{
    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = 8;

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Locally the host polls at most every 2 seconds, whatever host.json says.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>"base64" (the default of the Storage extension 5.x) or "none".</summary>
    public bool Base64Messages { get; init; } = true;
}
