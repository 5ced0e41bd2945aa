using Jamsostek.LocalHost;
using Jamsostek.LocalHost.DevServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.TestSupport;

/// <summary>
/// A real Azurite, in memory, on free ports, started from the repository's node_modules as the local start command
/// starts it: for tests that run hosts of their own. Used as a collection fixture (the collection is defined in the
/// test project, as xUnit wants).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private DevServices? _services;

    public string ConnectionString => _services!.StorageConnectionString;

    public async Task InitializeAsync() =>
        _services = await DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
