using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jamsostek.Functions.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// One thread-safe client per service, created once from the AzureWebJobsStorage setting: a connection string,
    /// or the identity-based form the host reads (<c>AzureWebJobsStorage__accountName</c> and friends).
    /// </summary>
    public static IHostApplicationBuilder AddStorageClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration.GetSection(StorageOptions.ConnectionSetting)))
            .Validate(options => options.IsComplete,
                $"The {StorageOptions.ConnectionSetting} setting is missing: the app has no storage account. Set a connection string, " +
                $"or {StorageOptions.ConnectionSetting}__accountName for an identity-based connection.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => CreateCredential(services.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(services => CreateBlobServiceClient(
            services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<StorageCredential>()));
        builder.Services.AddSingleton(services => CreateTableServiceClient(
            services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<StorageCredential>()));
        builder.Services.AddSingleton(services => CreateQueueServiceClient(
            services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<StorageCredential>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<UploadClaims>();
        builder.Services.AddSingleton<StagingStore>();
        builder.Services.AddSingleton<ChunkResultStore>();
        builder.Services.AddSingleton<AgreementStore>();
        builder.Services.AddSingleton<ParticipantStore>();
        builder.Services.AddSingleton<NikCoverageStore>();
        builder.Services.AddSingleton<CoverageStore>();
        builder.Services.AddSingleton<AgreementLocks>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<Compliance.EmployerStore>();
        builder.Services.AddSingleton<Compliance.ComplianceSnapshotStore>();
        builder.Services.AddSingleton<Compliance.ComplianceReader>();
        return builder;
    }

    internal static void Bind(StorageOptions options, IConfigurationSection section)
    {
        options.ConnectionString = section.Value ?? "";
        options.AccountName = section["accountName"];
        options.BlobServiceUri = UriOrNull(section["blobServiceUri"]);
        options.QueueServiceUri = UriOrNull(section["queueServiceUri"]);
        options.TableServiceUri = UriOrNull(section["tableServiceUri"]);
        options.Credential = section["credential"];
        options.ClientId = section["clientId"];
    }

    /// <summary>
    /// The token credential of an identity-based connection, shared by the three clients; none for a connection
    /// string. <c>__credential: managedidentity</c> means the app's managed identity only, as in the host.
    /// </summary>
    internal static StorageCredential CreateCredential(StorageOptions options)
    {
        if (options.UsesConnectionString)
        {
            return new StorageCredential(null);
        }
        var clientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId.Trim();
        TokenCredential credential = options.UsesManagedIdentityOnly
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new StorageCredential(credential);
    }

    internal static BlobServiceClient CreateBlobServiceClient(StorageOptions options, StorageCredential credential) =>
        options.UsesConnectionString
            ? new BlobServiceClient(options.ConnectionString)
            : new BlobServiceClient(Endpoint(options, StorageService.Blob), credential.Required);

    internal static TableServiceClient CreateTableServiceClient(StorageOptions options, StorageCredential credential) =>
        options.UsesConnectionString
            ? new TableServiceClient(options.ConnectionString)
            : new TableServiceClient(Endpoint(options, StorageService.Table), credential.Required);

    // Base64, as host.json's queues.messageEncoding: what the queue trigger decodes.
    internal static QueueServiceClient CreateQueueServiceClient(StorageOptions options, StorageCredential credential)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return options.UsesConnectionString
            ? new QueueServiceClient(options.ConnectionString, clientOptions)
            : new QueueServiceClient(Endpoint(options, StorageService.Queue), credential.Required, clientOptions);
    }

    private static Uri Endpoint(StorageOptions options, StorageService service) =>
        options.ServiceUri(service)
        ?? throw new InvalidOperationException($"No {service} endpoint: set {StorageOptions.ConnectionSetting}__accountName or __{service.ToString().ToLowerInvariant()}ServiceUri.");

    private static Uri? UriOrNull(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new Uri(text.Trim(), UriKind.Absolute);
}

/// <summary>The token credential of an identity-based storage connection (none for a connection string).</summary>
public sealed record StorageCredential(TokenCredential? Credential)
{
    internal TokenCredential Required =>
        Credential ?? throw new InvalidOperationException("An identity-based storage connection needs a token credential.");
}
