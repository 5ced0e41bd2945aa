using System.Diagnostics;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HostStopTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    [Fact]
    public async Task StoppingTheHostLetsTheInvocationInFlightFinishAndSettlesItsMessage()
    {
        var host = await StartHostAsync();
        var queue = await App.CreatedQueueAsync(App.WorkQueue);
        await queue.SendMessageAsync("slow:3000");
        var disposed = false;
        try
        {
            await Eventually.TrueAsync(() => host.Worker.Channel?.InvocationsInFlight == 1, TimeSpan.FromSeconds(20), "the invocation running on the worker");
            Assert.Empty(Recordings.Of("QueueWork"));

            var stopping = Stopwatch.StartNew();
            await host.DisposeAsync();
            disposed = true;
            stopping.Stop();

            var run = Assert.Single(Recordings.Of("QueueWork"));
            Assert.Equal("slow:3000", run.Text("work"));
            Assert.NotNull(run.Time("finished"));
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {stopping.Elapsed}");
            Assert.Equal(0, await App.MessageCountAsync(App.WorkQueue));
            Assert.Equal(["done slow:3000"], await App.PeekAllAsync(App.OutQueue));
        }
        finally
        {
            if (!disposed)
            {
                await host.DisposeAsync();
            }
        }
    }
}
