using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>
/// ValidateChunk (queueTrigger on <c>validation</c>): validates one chunk, stores what passes, and finalizes the
/// upload when it was the last chunk to finish. A failure answers 500, so the host retries the message; on the
/// last attempt the upload is marked <c>failed</c> with the reason before the message goes to the poison queue.
/// </summary>
public static class ValidateChunkFunction
{
    public const string Name = "ValidateChunk";
    public const string TriggerBinding = "chunk";

    /// <summary>
    /// Chunks validated at once in this process. The host delivers 16 at a time (host.json batchSize); past a few the
    /// storage account is the limit (TableBatches.MaxInFlight), and each waiting chunk would only hold its rows and
    /// entities in memory. The others wait their turn here, their messages leased by the host meanwhile.
    /// </summary>
    public const int MaxConcurrentChunks = 4;

    private static readonly SemaphoreSlim Running = new(MaxConcurrentChunks, MaxConcurrentChunks);

    public static IHostApplicationBuilder AddValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ValidationServices>();
        builder.Services.AddSingleton<ChunkValidation>();
        builder.Services.AddSingleton<UploadFinalizer>();
        return builder;
    }

    public static IEndpointRouteBuilder MapValidateChunk(this IEndpointRouteBuilder app)
    {
        app.MapPost(FunctionInvocationEndpoints.InvocationRoute(Name), RunAsync).AsFunctionInvocation(Name);
        return app;
    }

    internal static async Task<Ok<InvocationResponse>> RunAsync(InvocationRequest request, ChunkValidation validation, UploadFinalizer finalizer,
        ValidationServices services, CancellationToken cancellationToken)
    {
        var message = request.GetJson(TriggerBinding, StagingJsonContext.Default.ChunkMessage);
        var attempt = request.QueueTrigger.DequeueCount;
        try
        {
            ChunkResultEntity? result;
            await Running.WaitAsync(cancellationToken);
            try
            {
                result = await validation.ValidateAsync(message, cancellationToken);
            }
            finally
            {
                Running.Release();
            }
            var finalized = await finalizer.TryFinalizeAsync(message.Region, message.UploadId, cancellationToken);
            var response = new InvocationResponse()
                .WithLog(result is null
                    ? $"Upload {message.UploadId} chunk {message.Chunk}: done already."
                    : $"Upload {message.UploadId} chunk {message.Chunk}: {result.Accepted} accepted, {result.Rejected} rejected.");
            return TypedResults.Ok(finalized ? response.WithLog($"Upload {message.UploadId} is final.") : response);
        }
        catch (Exception ex) when (attempt >= ValidationServices.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await MarkFailedAsync(services, message, attempt, ex, cancellationToken);
            throw;
        }
    }

    /// <summary>The last attempt failed: the upload says so instead of staying "validating" for ever.</summary>
    private static async Task MarkFailedAsync(ValidationServices services, ChunkMessage message, int attempt, Exception ex, CancellationToken cancellationToken)
    {
        // The exception's type and message, never row data: the parsers' messages carry no cell values.
        var reason = $"Chunk {message.Chunk} of {message.Chunks} failed {attempt} times: {ex.GetType().Name}: {ex.Message}";
        ValidationLog.ChunkFailed(services.Logger, message.UploadId, message.Chunk, attempt, ValidationServices.MaxDequeueCount, ex.GetType().Name);
        try
        {
            var record = await services.Uploads.FindAsync(message.Region, message.UploadId, cancellationToken);
            if (record is not null && !UploadStatus.IsFinal(record.Status))
            {
                record.Status = UploadStatus.Failed;
                record.FailureReason = reason.Length > 1000 ? reason[..1000] : reason;
                record.FailedAttempts = attempt;
                await services.Uploads.SaveAsync(record, cancellationToken);
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Storage itself is failing: the poison message still tells the operator.
        }
    }
}
