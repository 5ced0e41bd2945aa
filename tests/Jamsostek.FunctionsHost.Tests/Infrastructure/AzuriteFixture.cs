using Jamsostek.LocalHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>A real Azurite, in memory, on free ports, started once for every test class in the collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private LocalHost.DevServices.DevServices? _services;

    public string ConnectionString => _services!.StorageConnectionString;

    public async Task InitializeAsync() =>
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);

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

/// <summary>
/// Tests that measure this process's memory: run alone, after the others, so no other test's host or client
/// allocates while they measure. They get an Azurite of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Measured";
}
