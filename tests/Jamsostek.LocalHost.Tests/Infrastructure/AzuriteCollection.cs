using Jamsostek.TestSupport;

namespace Jamsostek.LocalHost.Tests.Infrastructure;

/// <summary>One Azurite (<see cref="AzuriteFixture"/>) for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
