namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>A test with its own names in the shared Azurite and its own in-process handler.</summary>
public abstract class LocalHostTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected TestApp App { get; } = new(azurite);

    protected TestHandler Handler { get; private set; } = null!;

    public async Task InitializeAsync() => Handler = await TestHandler.StartAsync();

    public async Task DisposeAsync() => await Handler.DisposeAsync();

    protected Task<LocalFunctionsHost> StartHostAsync() => App.StartHostAsync(Handler);
}
