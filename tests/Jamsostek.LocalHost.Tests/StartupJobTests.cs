using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.LocalHost.Samples;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

/// <summary>
/// The start command's main job with the real app, against an Azurite of its own: samples go to the fixed container
/// uploads, which must start empty and which no other test may see.
/// </summary>
public sealed class StartupJobTests : IAsyncLifetime
{
    private DevServices.DevServices? _azurite;
    private LocalSystem? _system;

    private string ConnectionString => _azurite!.StorageConnectionString;

    public async Task InitializeAsync()
    {
        _azurite = await DevServices.DevServices.StartAsync(
            DevServices.DevServices.OnFreePorts(RepositoryPaths.Root, startMailDev: false), NullLogger.Instance);
        var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = RepositoryPaths.FunctionAppOutput,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["AzureFunctionsWebHost__hostid"] = "startup-job-tests",
            },
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            LoggerFactory = NullLoggerFactory.Instance,
        });
        _system = new LocalSystem(devServices: null, host, settingsPath: "(test settings)");
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstStartUploadsEverySampleAndReportsItValidatingAndARestartUploadsNothing()
    {
        var sampleFiles = Directory.GetDirectories(RepositoryPaths.Samples)
            .SelectMany(region => Directory.GetFiles(region).Select(file => $"{Path.GetFileName(region)}/{Path.GetFileName(file)}"))
            .Where(name => !Path.GetFileName(name).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(sampleFiles);

        using var firstOutput = new StringWriter();
        var first = await StartupJob.RunAsync(_system!, firstOutput, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.Equal(sampleFiles, first.Select(o => o.Sheet.BlobName).Order(StringComparer.Ordinal));
        Assert.All(first, outcome =>
        {
            Assert.True(outcome.Uploaded, $"{outcome.Sheet.BlobName} was not uploaded");
            Assert.True(outcome.Status == "validating", $"{outcome.Sheet.BlobName}: {outcome.Status} {outcome.RejectionMessage}");
            Assert.True(outcome.RowsRead > 0 && outcome.Chunks > 0);
        });
        // Enrolments refer to agreements, so every agreements sheet goes (and is reported) first.
        var lastAgreements = first.ToList().FindLastIndex(o => o.Sheet.IsAgreements);
        var firstEnrolments = first.ToList().FindIndex(o => !o.Sheet.IsAgreements);
        Assert.True(lastAgreements >= 0 && firstEnrolments > lastAgreements, "agreements are uploaded before enrolments");
        var lines = firstOutput.ToString().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        foreach (var outcome in first)
        {
            var rows = outcome.RowsRead == 1 ? "1 row" : $"{outcome.RowsRead} rows";
            Assert.Contains(lines, line => line.StartsWith($"  {outcome.Sheet.BlobName} -> validating, {rows} in 1 chunk", StringComparison.Ordinal));
        }

        var uploads = new BlobServiceClient(ConnectionString).GetBlobContainerClient(SampleUploads.Container);
        var table = new TableServiceClient(ConnectionString).GetTableClient(SampleUploads.Table);
        var etags = new Dictionary<string, Azure.ETag>();
        foreach (var name in sampleFiles)
        {
            var blob = uploads.GetBlobClient(name);
            var content = (await blob.DownloadContentAsync()).Value;
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, name)), content.Content.ToArray());
            etags[name] = content.Details.ETag;
            var region = name.Split('/')[0];
            var record = Assert.Single(table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {region} and BlobName eq {name}")));
            Assert.Equal("validating", record.GetString("Status"));
        }
        var records = table.Query<TableEntity>().Count();

        using var secondOutput = new StringWriter();
        var second = await StartupJob.RunAsync(_system!, secondOutput, NullLoggerFactory.Instance, CancellationToken.None);

        Assert.Equal(sampleFiles.Count, second.Count);
        Assert.All(second, outcome =>
        {
            Assert.False(outcome.Uploaded, $"{outcome.Sheet.BlobName} was uploaded again");
            Assert.Equal("validating", outcome.Status);
        });
        Assert.Contains("(uploaded before)", secondOutput.ToString());
        foreach (var name in sampleFiles)
        {
            Assert.Equal(etags[name], (await uploads.GetBlobClient(name).GetPropertiesAsync()).Value.ETag);
        }
        // Give the blob trigger a few scans: nothing changed, so nothing may be ingested again.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(records, table.Query<TableEntity>().Count());
    }
}
