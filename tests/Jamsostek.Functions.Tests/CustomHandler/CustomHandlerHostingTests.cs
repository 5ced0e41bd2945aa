using Jamsostek.Functions.CustomHandler;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Jamsostek.Functions.Tests.CustomHandler;

public sealed class CustomHandlerHostingTests
{
    [Fact]
    public void HandlerListensOnLoopbackAtThePortTheHostGives()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[CustomHandlerHosting.PortVariable] = "40123";

        builder.UseCustomHandlerPort();

        Assert.Equal("http://127.0.0.1:40123", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80 ")]
    public void PortThatIsNotATcpPortIsRejected(string port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[CustomHandlerHosting.PortVariable] = port;

        var ex = Assert.Throws<InvalidOperationException>(() => builder.UseCustomHandlerPort());

        Assert.Contains(CustomHandlerHosting.PortVariable, ex.Message);
    }
}
