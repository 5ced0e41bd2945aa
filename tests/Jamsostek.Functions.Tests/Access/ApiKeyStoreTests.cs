using Azure.Data.Tables;
using Jamsostek.Functions.Access;
using Jamsostek.LocalHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Functions.Tests.Access;

/// <summary>The key store against a real Azurite: what it caches, and what it refuses.</summary>
public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private LocalHost.DevServices.DevServices? _azurite;
    private ApiKeyStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        _store = new ApiKeyStore(new TableServiceClient(_azurite.StorageConnectionString), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task UnknownKeysAreNeverCachedSoTryingThemCostsNoMemory()
    {
        var (key, _) = await _store.CreateAsync("Disnaker Ende", ["5308"], pii: false);

        for (var i = 0; i < 500; i++)
        {
            Assert.Null(await _store.FindAsync($"jmsk_tebakan-{i}"));
        }
        Assert.Equal(0, _store.CachedCount);

        Assert.NotNull(await _store.FindAsync(key));
        Assert.NotNull(await _store.FindAsync(key));
        Assert.Equal(1, _store.CachedCount);
    }

    [Fact]
    public async Task ARevokedOrExpiredKeyIsRefusedAndUploadIsItsOwnPermission()
    {
        var (reporting, _) = await _store.CreateAsync("Bupati Ende", ["5308"], pii: false);
        var (uploading, _) = await _store.CreateAsync("Operator data Ende", ["5308"], pii: false, upload: true);
        // The API refuses an expiry in the past; the store itself takes one, as a key whose day has come.
        var (expired, _) = await _store.CreateAsync("Tamu", ["5308"], pii: false, expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));
        var (revoked, entity) = await _store.CreateAsync("Dicabut", null, pii: true);
        Assert.True(await _store.RevokeAsync(entity.KeyId));

        Assert.False((await _store.FindAsync(reporting))!.Upload);
        Assert.True((await _store.FindAsync(uploading))!.Upload);
        Assert.Null(await _store.FindAsync(expired));
        Assert.Null(await _store.FindAsync(revoked));
    }
}
