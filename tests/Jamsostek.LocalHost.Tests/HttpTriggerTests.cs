using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Jamsostek.LocalHost.Tests.Infrastructure;

namespace Jamsostek.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HttpTriggerTests(AzuriteFixture azurite) : LocalHostTest(azurite)
{
    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(TestApp.FunctionKey, HttpStatusCode.OK)]
    [InlineData(TestApp.MasterKey, HttpStatusCode.OK)]
    public async Task FunctionLevelRouteNeedsAFunctionOrMasterKeyInTheHeader(string? key, HttpStatusCode expected)
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/hello/42?lang=en");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("hello 42?lang=en", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task KeyMayTravelInTheCodeQueryParameter()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync($"api/hello/7?code={TestApp.FunctionKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminLevelRouteRefusesTheFunctionKey()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var withFunctionKey = await http.GetAsync($"api/ops?code={TestApp.FunctionKey}");
        using var withMasterKey = await http.GetAsync($"api/ops?code={TestApp.MasterKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
    }

    [Fact]
    public async Task AnonymousRouteAcceptsAnyMethodWhenNoneAreListed()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync("api/open", new StringContent("x"));

        Assert.Equal("open POST", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisabledHttpFunctionAndUnknownRoutesAnswer404()
    {
        App.ExtraSettings["AzureWebJobs.Hello.Disabled"] = "1";
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var disabled = await http.GetAsync($"api/hello/1?code={TestApp.MasterKey}");
        using var unknown = await http.GetAsync($"api/nothing-here?code={TestApp.MasterKey}");
        using var wrongMethod = await http.DeleteAsync($"api/ops?code={TestApp.MasterKey}");

        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task HttpFunctionWithOtherOutputsTravelsAsAPayloadAndItsOutputsAreBound()
    {
        Handler.Behaviour = invocation => Results.Json(new JsonObject
        {
            ["Outputs"] = new JsonObject
            {
                ["message"] = invocation.Data["req"]!["Body"]!.GetValue<string>(),
                ["res"] = new JsonObject
                {
                    ["statusCode"] = 201,
                    ["body"] = "Order enqueued",
                    ["headers"] = new JsonObject { ["X-Order-Region"] = invocation.Data["req"]!["Params"]!["region"]!.GetValue<string>() },
                },
            },
        });
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync("api/orders/5204?source=test", new StringContent("{\"rows\":3}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Order enqueued", await response.Content.ReadAsStringAsync());
        Assert.Equal("5204", response.Headers.GetValues("X-Order-Region").Single());
        var request = Handler.Of("Order").Single().Data["req"]!;
        Assert.Equal("POST", request["Method"]!.GetValue<string>());
        Assert.EndsWith("/api/orders/5204?source=test", request["Url"]!.GetValue<string>());
        Assert.Equal(["{\"rows\":3}"], await App.PeekAllAsync(App.OutQueue));
    }
}
