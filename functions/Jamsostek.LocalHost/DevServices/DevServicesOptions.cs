namespace Jamsostek.LocalHost.DevServices;

/// <summary>Where and how Azurite and MailDev run for development and tests.</summary>
public sealed class DevServicesOptions
{
    /// <summary>The folder with package.json and package-lock.json pinning Azurite and MailDev.</summary>
    public required string RepositoryRoot { get; init; }

    public int BlobPort { get; init; } = 10000;

    public int QueuePort { get; init; } = 10001;

    public int TablePort { get; init; } = 10002;

    /// <summary>Where Azurite keeps its data; null keeps it in memory (tests).</summary>
    public string? AzuriteLocation { get; init; }

    public bool StartMailDev { get; init; } = true;

    public int SmtpPort { get; init; } = 1025;

    public int MailDevWebPort { get; init; } = 1080;

    /// <summary>How long each service may take to listen.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
