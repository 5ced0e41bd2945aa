using Azure.Storage.Blobs;
using Jamsostek.LocalHost;
using Jamsostek.LocalHost.Samples;
using Jamsostek.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>
/// A system of its own (Azurite, MailDev, the app) that starts as the local start command leaves a newcomer's: the
/// sheets in samples/ ingested, and the recipients of samples/recipients.json loaded through the admin endpoint.
/// </summary>
public sealed class SampleSystem : DigestSystem
{
    public IReadOnlyList<SampleSheet> Sheets { get; private set; } = [];

    protected override async Task LoadAsync()
    {
        using var api = new HttpClient { BaseAddress = Host.BaseAddress };
        var uploads = new SampleUploads(new BlobServiceClient(ConnectionString), api, DevKey, NullLogger.Instance);
        await uploads.RunAsync(RepositoryPaths.Samples, TextWriter.Null);
        Sheets = SampleUploads.Find(RepositoryPaths.Samples);
        foreach (var sheet in Sheets)
        {
            await UploadsApi.WaitForFinalAsync(sheet.Region, sheet.FileName);
        }
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        var loaded = await new SampleRecipients(http, "api/manage/recipients", MasterKey, NullLogger.Instance).RunAsync(RepositoryPaths.Samples, TextWriter.Null);
        Assert.Equal(9, loaded);
    }
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleSystem>
{
    public const string Name = "Samples";
}
