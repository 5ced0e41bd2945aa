using System.Text;
using Jamsostek.Functions.CustomHandler;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
namespace Jamsostek.Functions.Tests.CustomHandler;
public sealed class TmpProbe
{
    [Fact]
    public async Task Probe()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.UseCustomHandlerPort();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapFunctionInvocation("E", (InvocationRequest r) => TypedResults.Ok(new InvocationResponse().WithQueueMessages("Out", ["a"])));
        await app.StartAsync();
        var c = app.GetTestClient();
        var r1 = await (await c.PostAsync("/E", new StringContent("{}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        var r2 = await c.PostAsync("/E", new StringContent("{", Encoding.UTF8, "application/json"));
        Assert.Fail(r1 + "\n" + (int)r2.StatusCode + " " + await r2.Content.ReadAsStringAsync());
    }
}
