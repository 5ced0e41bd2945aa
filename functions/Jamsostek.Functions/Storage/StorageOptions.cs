namespace Jamsostek.Functions.Storage;

/// <summary>Where the app keeps its data: the function app's own storage account.</summary>
public sealed class StorageOptions
{
    /// <summary>The host's setting name for the account; also what the bindings' "connection" defaults to.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public string ConnectionString { get; set; } = "";
}
