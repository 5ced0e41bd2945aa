using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.FunctionsHost.TestWorker;

/// <summary>Function-level key, a route value, the query: answered with a minimal-API result.</summary>
public sealed class Hello(Recorder recorder)
{
    [Function(nameof(Hello))]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "hello/{id}")] HttpRequest request, string id,
        FunctionContext context)
    {
        await recorder.RecordAsync(context, new Dictionary<string, object?> { ["id"] = id, ["routeValue"] = request.RouteValues["id"]?.ToString() });
        return Results.Text($"hello {id}{request.QueryString}");
    }
}

public sealed class Ops
{
    [Function(nameof(Ops))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops")] HttpRequest request) => new OkObjectResult("ops");
}

/// <summary>Anonymous, every method.</summary>
public sealed class Open
{
    [Function(nameof(Open))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, Route = "open")] HttpRequest request) => Results.Text($"open {request.Method}");
}

/// <summary>An HTTP answer and a queue message from one invocation.</summary>
public sealed class Order
{
    [Function(nameof(Order))]
    public async Task<OrderOutput> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{region}")] HttpRequest request, string region)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return new OrderOutput { Response = new CreatedResult($"/api/orders/{region}/1", $"order for {region}"), Message = $"{region}:{body}" };
    }
}

public sealed class OrderOutput
{
    [HttpResult]
    public required IActionResult Response { get; init; }

    [QueueOutput("%OutQueue%")]
    public string? Message { get; init; }
}

/// <summary>Reads the request body as it streams in and answers its length and SHA-256.</summary>
public sealed class Upload
{
    [Function(nameof(Upload))]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "upload")] HttpRequest request, FunctionContext context)
    {
        // The worker's Kestrel takes 30 MB bodies by default (not settable from configuration); this one takes any size.
        request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.CancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }
        return Results.Json(new { length, sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()) });
    }
}

/// <summary>Writes {megabytes} MB of a repeating pattern to the response as it goes.</summary>
public sealed class Download
{
    [Function(nameof(Download))]
    public async Task RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "download/{megabytes:int}")] HttpRequest request, int megabytes,
        FunctionContext context)
    {
        var response = request.HttpContext.Response;
        response.ContentType = "application/octet-stream";
        response.ContentLength = megabytes * 1024L * 1024L;
        var block = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i % 251)).ToArray();
        for (var i = 0; i < megabytes; i++)
        {
            await response.Body.WriteAsync(block, context.CancellationToken);
        }
    }
}
