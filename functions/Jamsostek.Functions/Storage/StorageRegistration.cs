using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;
using Microsoft.Extensions.Options;

namespace Jamsostek.Functions.Storage;

public static class StorageRegistration
{
    /// <summary>One thread-safe client per service, created once from the AzureWebJobsStorage setting.</summary>
    public static IHostApplicationBuilder AddStorageClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration[StorageOptions.ConnectionSetting] ?? "")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"The {StorageOptions.ConnectionSetting} setting is missing: the app has no storage account.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
            new BlobServiceClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        builder.Services.AddSingleton(services =>
            new TableServiceClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        // Base64, as host.json's queues.messageEncoding: what the queue trigger decodes.
        builder.Services.AddSingleton(services => new QueueServiceClient(
            services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<StagingStore>();
        builder.Services.AddSingleton<ChunkResultStore>();
        builder.Services.AddSingleton<AgreementStore>();
        builder.Services.AddSingleton<ParticipantStore>();
        builder.Services.AddSingleton<CoverageStore>();
        builder.Services.AddSingleton<ReportStore>();
        return builder;
    }
}
