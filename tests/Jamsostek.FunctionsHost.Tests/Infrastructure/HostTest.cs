using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>A test with its own names in the shared Azurite and its own recordings folder.</summary>
public abstract class HostTest(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    protected TestWorkerApp App { get; } = new(azurite, output);

    protected Recordings Recordings => App.Recordings;

    protected ITestOutputHelper Output => output;

    protected Task<LocalFunctionsHost> StartHostAsync() => App.StartHostAsync();

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
