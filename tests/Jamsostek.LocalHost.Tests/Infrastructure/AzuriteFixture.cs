using Jamsostek.LocalHost.DevServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>A real Azurite, in memory, on free ports, started once for every test class in the collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private DevServices.DevServices? _services;

    public string ConnectionString => _services!.StorageConnectionString;

    public async Task InitializeAsync() =>
        _services = await DevServices.DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
