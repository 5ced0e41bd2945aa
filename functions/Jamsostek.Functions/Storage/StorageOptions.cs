namespace Jamsostek.Functions.Storage;

/// <summary>
/// Where the app keeps its data: the function app's own storage account, named the way the Functions host names
/// it. Locally <c>AzureWebJobsStorage</c> is a connection string; in Azure it is an identity-based connection
/// (<c>AzureWebJobsStorage__accountName</c>, optionally <c>__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>) and the account allows no shared keys.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The host's setting name for the account; also what the bindings' "connection" defaults to.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>A connection string; when set it wins over the identity-based settings, as in the host.</summary>
    public string ConnectionString { get; set; } = "";

    public string? AccountName { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary><c>managedidentity</c> for the app's managed identity only; otherwise DefaultAzureCredential.</summary>
    public string? Credential { get; set; }

    /// <summary>A user-assigned identity's client id.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// The local storage emulator: <c>UseDevelopmentStorage=true</c>, or Azurite's well-known account with every
    /// endpoint on this machine. What only a developer's machine may do (the development key) depends on it.
    /// </summary>
    public bool IsEmulator
    {
        get
        {
            if (!UsesConnectionString)
            {
                return false;
            }
            var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2)
                .ToLookup(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            if (string.Equals(parts["UseDevelopmentStorage"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            var endpoints = parts.Where(group => group.Key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase)).SelectMany(group => group).ToList();
            return parts["AccountName"].FirstOrDefault() == "devstoreaccount1"
                && endpoints.Count > 0
                && endpoints.All(endpoint => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback);
        }
    }

    public bool UsesManagedIdentityOnly => string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase);

    /// <summary>The endpoint of one service: the explicit URI, else the public cloud's from the account name.</summary>
    public Uri? ServiceUri(StorageService service) => service switch
    {
        StorageService.Blob => BlobServiceUri ?? FromAccount("blob"),
        StorageService.Queue => QueueServiceUri ?? FromAccount("queue"),
        StorageService.Table => TableServiceUri ?? FromAccount("table"),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    /// <summary>A connection string, or an endpoint for every service the app uses.</summary>
    public bool IsComplete =>
        UsesConnectionString || Enum.GetValues<StorageService>().All(service => ServiceUri(service) is not null);

    private Uri? FromAccount(string service) =>
        string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName.Trim()}.{service}.core.windows.net/");
}

public enum StorageService
{
    Blob,
    Queue,
    Table,
}
