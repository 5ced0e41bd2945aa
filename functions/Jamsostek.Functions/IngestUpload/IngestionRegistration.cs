namespace Jamsostek.Functions.IngestUpload;

public static class IngestionRegistration
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestServices>();
        builder.Services.AddSingleton<BlobIngestion>();
        return builder;
    }
}
