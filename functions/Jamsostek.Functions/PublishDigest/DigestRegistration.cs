using Jamsostek.Functions.ManageDigest;
using Jamsostek.Functions.Recipients;

namespace Jamsostek.Functions.PublishDigest;

public static class DigestRegistration
{
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.ClaimTimeout > TimeSpan.Zero && o.LapsingWithinDays >= 0 && o.FirstDigestUploadDays >= 0,
                "Digest settings: MaxAttempts at least 1, ClaimTimeout positive, LapsingWithinDays and FirstDigestUploadDays not negative.");
        builder.Services.AddSingleton<RecipientStore>();
        builder.Services.AddSingleton<DigestLedgerStore>();
        builder.Services.AddSingleton<DigestMailer>();
        builder.Services.AddTransient<DigestRun>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, DigestApiJsonContext.Default));
        return builder;
    }
}
