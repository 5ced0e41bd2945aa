using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Tests.Payloads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jamsostek.Functions.Tests.CustomHandler;

/// <summary>The handler as the Functions host sees it: recorded invocation bodies POSTed to <c>/{FunctionName}</c>.</summary>
public sealed class FunctionInvocationEndpointTests
{
    [Theory]
    [InlineData(RecordedPayload.QueueTrigger, """{"uploadId":"u1","chunk":3}""", 2, "800ae4b3-bdd2-4c08-badd-f08e5a34b865")]
    [InlineData(RecordedPayload.QueueTriggerObject, """{"uploadId":"u1","chunk":3}""", 1, "5f3c1a27-8e0b-4d6a-9c41-2b7d0e9a6f13")]
    [InlineData(RecordedPayload.QueueTriggerText, "upload u1 chunk 3", 5, "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")]
    public async Task RecordedQueueInvocationIsAnsweredWithOutputsLogsAndReturnValue(
        string payload, string message, int dequeueCount, string messageId)
    {
        await using var app = await StartAsync(MapEchoQueue);

        using var response = await app.GetTestClient().PostAsync("/EchoQueue", JsonBody(RecordedPayload.Read(payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var outputs = Member(root, "Outputs");
        Assert.Equal(JsonValueKind.Object, outputs.ValueKind);
        var messages = outputs.GetProperty("out");
        Assert.Equal(JsonValueKind.Array, messages.ValueKind);
        Assert.All(messages.EnumerateArray(), m => Assert.Equal(JsonValueKind.String, m.ValueKind));
        Assert.Equal([message, $"dequeued {dequeueCount} times"], messages.EnumerateArray().Select(m => m.GetString()));
        Assert.Equal([$"echoed message {messageId}"], Member(root, "Logs").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(messageId, Member(root, "ReturnValue").GetString());
    }

    [Fact]
    public async Task ResponseMembersHaveTheDocumentedNames()
    {
        await using var app = await StartAsync(MapEchoQueue);

        using var response = await app.GetTestClient().PostAsync("/EchoQueue", JsonBody(RecordedPayload.Read(RecordedPayload.QueueTrigger)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Logs", "Outputs", "ReturnValue"], json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["out"], json.RootElement.GetProperty("Outputs").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ResponseWithoutReturnValueStillCarriesTheReturnValueMember()
    {
        await using var app = await StartAsync(endpoints =>
            endpoints.MapPost(FunctionInvocationEndpoints.InvocationRoute("NoOutputs"), (InvocationRequest _) => TypedResults.Ok(new InvocationResponse())).AsFunctionInvocation("NoOutputs"));

        using var response = await app.GetTestClient().PostAsync("/NoOutputs", JsonBody(RecordedPayload.Read(RecordedPayload.TimerTrigger)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(Member(json.RootElement, "Outputs").EnumerateObject());
        Assert.Empty(Member(json.RootElement, "Logs").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, Member(json.RootElement, "ReturnValue").ValueKind);
    }

    [Fact]
    public async Task RecordedBlobInvocationReachesTheFunctionWithItsContentAndPath()
    {
        await using var app = await StartAsync(endpoints =>
            endpoints.MapPost(FunctionInvocationEndpoints.InvocationRoute("IngestUpload"), (InvocationRequest request) =>
            {
                var response = new InvocationResponse()
                    .WithLog($"{request.BlobTrigger.PathValue("region")}/{request.BlobTrigger.PathValue("name")}")
                    .WithLog($"{request.GetBytes("upload").Length} bytes");
                return TypedResults.Ok(response);
            }).AsFunctionInvocation("IngestUpload"));

        using var response = await app.GetTestClient().PostAsync("/IngestUpload", JsonBody(RecordedPayload.Read(RecordedPayload.BlobTrigger)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["5204/peserta.csv", "56 bytes"], Member(json.RootElement, "Logs").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task InvalidJsonBodyFailsTheInvocation()
    {
        await using var app = await StartAsync(MapEchoQueue);

        using var response = await app.GetTestClient().PostAsync("/EchoQueue", JsonBody("""{"Data":{"myQueueItem":"""));

        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task InvalidJsonBodyGetsBadRequest()
    {
        await using var app = await StartAsync(MapEchoQueue);

        using var response = await app.GetTestClient().PostAsync("/EchoQueue", JsonBody("""{"Data":{"myQueueItem":"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HandlerThatThrowsFailsTheInvocation()
    {
        await using var app = await StartAsync(endpoints =>
            endpoints.MapPost(FunctionInvocationEndpoints.InvocationRoute("NeedsBlob"), (InvocationRequest request) =>
                TypedResults.Ok(new InvocationResponse().WithLog($"{request.GetBytes("upload").Length} bytes"))).AsFunctionInvocation("NeedsBlob"));

        // A queue invocation has no "upload" binding: the function throws InvocationPayloadException.
        using var response = await app.GetTestClient().PostAsync("/NeedsBlob", JsonBody(RecordedPayload.Read(RecordedPayload.QueueTrigger)));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task InvocationIsRoutedByFunctionName()
    {
        await using var app = await StartAsync(MapEchoQueue);

        using var response = await app.GetTestClient().PostAsync("/OtherFunction", JsonBody(RecordedPayload.Read(RecordedPayload.QueueTrigger)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void MapEchoQueue(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(FunctionInvocationEndpoints.InvocationRoute("EchoQueue"), (InvocationRequest request) =>
        {
            var trigger = request.QueueTrigger;
            var response = new InvocationResponse()
                .WithQueueMessages("out", [request.GetString("myQueueItem"), $"dequeued {trigger.DequeueCount} times"])
                .WithLog($"echoed message {trigger.Id}");
            response.ReturnValue = trigger.Id;
            return TypedResults.Ok(response);
        }).AsFunctionInvocation("EchoQueue");

    /// <summary>A member of the answer, matched the way the Functions host and Jamsostek.LocalHost match it: ignoring case.</summary>
    private static JsonElement Member(JsonElement json, string name)
    {
        var members = json.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return Assert.Single(members).Value;
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>A handler set up like Program.cs, on an in-memory server.</summary>
    private static async Task<WebApplication> StartAsync(Action<IEndpointRouteBuilder> mapFunctions)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.UseCustomHandlerPort();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseExceptionHandler();
        mapFunctions(app);
        await app.StartAsync();
        return app;
    }
}
