using Jamsostek.FunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace Jamsostek.FunctionsHost;

/// <summary>How to run a function app locally.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The app folder: host.json, worker.config.json and the worker (the app's build or publish output).</summary>
    public required string ScriptRoot { get; init; }

    /// <summary>local.settings.json to read; null looks in the script root. A missing file means no settings from a file.</summary>
    public string? LocalSettingsPath { get; init; }

    /// <summary>Settings that win over local.settings.json and the environment (tests use them).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether process environment variables override local.settings.json, as with Core Tools.</summary>
    public bool ReadEnvironment { get; init; } = true;

    /// <summary>The HTTP port; null takes local.settings.json Host.LocalHttpPort (7071), 0 a free port.</summary>
    public int? HttpPort { get; init; }

    /// <summary>How often containers are scanned for new or changed blobs.</summary>
    public TimeSpan BlobScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a host that does not hold a timer's lock tries to take it over.</summary>
    public TimeSpan TimerLockRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock timer triggers fire by (their schedule, past-due runs and the monitor's status).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How a worker that dies is started again (the Functions host's defaults).</summary>
    public WorkerRestartPolicy WorkerRestart { get; init; } = new();

    public ILoggerFactory? LoggerFactory { get; init; }
}
