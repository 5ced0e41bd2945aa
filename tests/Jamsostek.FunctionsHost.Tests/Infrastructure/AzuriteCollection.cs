using Jamsostek.TestSupport;

namespace Jamsostek.FunctionsHost.Tests.Infrastructure;

/// <summary>One Azurite (<see cref="AzuriteFixture"/>) for every test class in the collection.</summary>
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
