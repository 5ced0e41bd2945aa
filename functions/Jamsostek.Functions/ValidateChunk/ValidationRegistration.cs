namespace Jamsostek.Functions.ValidateChunk;

public static class ValidationRegistration
{
    public static IHostApplicationBuilder AddValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ValidationServices>();
        builder.Services.AddSingleton<ChunkValidation>();
        builder.Services.AddSingleton<UploadFinalizer>();
        return builder;
    }
}
