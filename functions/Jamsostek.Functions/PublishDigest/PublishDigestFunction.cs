using System.Text.Json;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.ManageDigest;
using Jamsostek.Functions.ManageRecipients;
using Jamsostek.Functions.Recipients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.PublishDigest;

/// <summary>
/// PublishDigest (timerTrigger on the <c>DigestSchedule</c> setting, hourly by default so that 07:00 WIB, WITA and WIT
/// are each caught on the hour): sends every recipient the digest of their current week that they have not had yet.
/// An operator's <c>POST /admin/functions/PublishDigest</c> runs exactly this, now. A run that cannot reach storage
/// answers 500; failed sends are not an error of the run: the ledger keeps them and the next run retries them.
/// </summary>
public static class PublishDigestFunction
{
    public const string Name = "PublishDigest";
    public const string TriggerBinding = "timer";

    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
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

    public static IEndpointRouteBuilder MapDigest(this IEndpointRouteBuilder app)
    {
        app.MapPost(FunctionInvocationEndpoints.InvocationRoute(Name), RunAsync).AsFunctionInvocation(Name);
        app.MapRecipientsApi();
        app.MapDigestLedgerApi();
        return app;
    }

    internal static async Task<Ok<InvocationResponse>> RunAsync(InvocationRequest request, DigestRun run, ILogger<DigestRun> logger,
        CancellationToken cancellationToken)
    {
        var timer = request.Data.ContainsKey(TriggerBinding) ? request.GetTimer(TriggerBinding) : null;
        try
        {
            var result = await run.RunAsync(cancellationToken);
            DigestLog.RunFinished(logger, timer?.IsPastDue ?? false, result.ToString());
            return TypedResults.Ok(new InvocationResponse().WithLog($"Digest: {result}."));
        }
        catch (Exception ex) when (ex is InvalidOperationException or Azure.RequestFailedException or JsonException)
        {
            DigestLog.RunFailed(logger, ex.Message);
            throw;
        }
    }
}
