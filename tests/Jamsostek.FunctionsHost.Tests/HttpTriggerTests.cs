using System.Net;
using System.Text;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HttpTriggerTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    [Fact]
    public async Task FunctionLevelRouteNeedsAFunctionOrMasterKeyInTheHeader()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        foreach (var (key, expected) in new (string?, HttpStatusCode)[]
        {
            (null, HttpStatusCode.Unauthorized),
            ("wrong-key", HttpStatusCode.Unauthorized),
            (TestWorkerApp.FunctionKey, HttpStatusCode.OK),
            (TestWorkerApp.MasterKey, HttpStatusCode.OK),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/hello/42?lang=en");
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            using var response = await http.SendAsync(request);

            Assert.True(expected == response.StatusCode, $"key {key ?? "(none)"}: {response.StatusCode}, expected {expected}");
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal("hello 42?lang=en", await response.Content.ReadAsStringAsync());
            }
        }
        // Only the requests with a valid key reached the worker.
        Assert.Equal(2, Recordings.Of("Hello").Count);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("rebind.example.com", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io", HttpStatusCode.BadRequest)]
    public async Task OnlyRequestsNamingThisMachineAreAnsweredSoAWebPageCannotRebindItsNameHere(string hostName, HttpStatusCode expected)
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/hello/1?code={TestWorkerApp.FunctionKey}");
        request.Headers.Host = $"{hostName}:{host.BaseAddress.Port}";
        request.Headers.Add("Origin", $"http://{hostName}");

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, Recordings.Of("Hello").Count);
        // CORS is off unless local.settings.json sets it: no page elsewhere may read the answer.
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task KeyMayTravelInTheCodeQueryParameter()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var response = await http.GetAsync($"api/hello/7?code={TestWorkerApp.FunctionKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"hello 7?code={TestWorkerApp.FunctionKey}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestReachesTheWorkerWithRouteValuesQueryAndHeadersAsBindingData()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/hello/5204?lang=id&page=2&code={TestWorkerApp.FunctionKey}")
        {
            Headers = { { "X-Office", "mataram" } },
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = (await Recordings.WaitForAsync("Hello", 1)).Single();
        Assert.Equal("5204", invocation.Text("id"));
        Assert.Equal("5204", invocation.Text("routeValue"));
        var metadata = invocation.BindingData;
        Assert.Equal("5204", metadata["id"]);
        Assert.Equal("id", metadata["lang"]);
        Assert.Equal("2", metadata["page"]);
        Assert.DoesNotContain("code", metadata.Keys);
        Assert.Equal("id", invocation.Json("Query")!["lang"]!.GetValue<string>());
        Assert.Equal("2", invocation.Json("Query")!["page"]!.GetValue<string>());
        Assert.Equal("mataram", invocation.Json("Headers")!["X-Office"]!.GetValue<string>());
        // The host and the worker agree on which invocation the forwarded request belongs to.
        Assert.True(Guid.TryParse(invocation.InvocationId, out _));
    }

    [Fact]
    public async Task AdminLevelRouteRefusesTheFunctionKey()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var withFunctionKey = await http.GetAsync($"api/ops?code={TestWorkerApp.FunctionKey}");
        using var withMasterKey = await http.GetAsync($"api/ops?code={TestWorkerApp.MasterKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        Assert.Contains("ops", await withMasterKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousRouteAcceptsAnyMethodWhenNoneAreListed()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var post = await http.PostAsync("api/open", new StringContent("x"));
        using var put = await http.PutAsync("api/open", new StringContent("x"));
        using var delete = await http.DeleteAsync("api/open");

        Assert.Equal("open POST", await post.Content.ReadAsStringAsync());
        Assert.Equal("open PUT", await put.Content.ReadAsStringAsync());
        Assert.Equal("open DELETE", await delete.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisabledHttpFunctionAndUnknownRoutesAnswer404()
    {
        App.ExtraSettings["AzureWebJobs.Hello.Disabled"] = "1";
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var disabled = await http.GetAsync($"api/hello/1?code={TestWorkerApp.MasterKey}");
        using var unknown = await http.GetAsync($"api/nothing-here?code={TestWorkerApp.MasterKey}");
        using var wrongMethod = await http.DeleteAsync($"api/ops?code={TestWorkerApp.MasterKey}");
        using var enabled = await http.GetAsync("api/open");

        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Empty(Recordings.Of("Hello"));
    }

    [Fact]
    public async Task HttpFunctionWithAQueueOutputAnswersItsHttpResultAndWritesTheMessage()
    {
        await using var host = await StartHostAsync();
        using var http = TestWorkerApp.Client(host);

        using var response = await http.PostAsync("api/orders/5204?source=test", new StringContent("{\"rows\":3}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/orders/5204/1", response.Headers.Location?.OriginalString);
        Assert.Contains("order for 5204", await response.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await App.PeekAllAsync(App.OutQueue)).SequenceEqual(["5204:{\"rows\":3}"]), TimeSpan.FromSeconds(10),
            "the queue output written");
    }
}
