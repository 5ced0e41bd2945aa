using Jamsostek.Functions.CustomHandler;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.Functions.Tests.Payloads;

/// <summary>The request bodies under Payloads/, recorded in the shape the Functions host POSTs to a custom handler.</summary>
internal static class RecordedPayload
{
    public const string QueueTrigger = "queue-trigger.json";
    public const string QueueTriggerObject = "queue-trigger-object.json";
    public const string QueueTriggerText = "queue-trigger-text.json";

    /// <summary>
    /// A Service Bus trigger's request, shaped after the Service Bus extension's trigger metadata (DeliveryCount,
    /// MessageId, EnqueuedTimeUtc, ...); written by hand, not recorded: no Service Bus runs here.
    /// </summary>
    public const string ServiceBusTrigger = "service-bus-trigger.json";
    public const string BlobTrigger = "blob-trigger.json";
    public const string TimerTrigger = "timer-trigger.json";
    public const string HttpTrigger = "http-trigger.json";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Payloads", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Reads the payload the way a mapped function receives it: through <see cref="InvocationRequest.BindAsync"/>.</summary>
    public static async Task<InvocationRequest> BindAsync(string name)
    {
        await using var body = File.OpenRead(PathOf(name));
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.Body = body;
        var request = await InvocationRequest.BindAsync(context);
        Assert.NotNull(request);
        return request;
    }
}
