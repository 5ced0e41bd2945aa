using Azure.Storage.Blobs;
using Jamsostek.FunctionsHost;
using Jamsostek.FunctionsHost.Http;
using Jamsostek.LocalHost.Samples;
using Jamsostek.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

/// <summary>
/// The start command's main job with the real app, against an Azurite of its own: samples go to the fixed container
/// uploads, which must start empty and which no other test may see.
/// </summary>
public sealed class StartupJobTests : IAsyncLifetime
{
    private DevServices.DevServices? _azurite;
    private const string MasterKey = "startup-job-master-key";
    private const string DevKey = "startup-job-dev-key";

    private LocalSystem? _system;

    private string ConnectionString => _azurite!.StorageConnectionString;

    public async Task InitializeAsync()
    {
        _azurite = await DevServices.DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = RepositoryPaths.FunctionAppOutput,
            Settings = new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = ConnectionString,
                ["AzureFunctionsWebHost__hostid"] = "startup-job-tests",
                [FunctionKeys.MasterKeySetting] = MasterKey,
                [StartupJob.DevKeySetting] = DevKey,
            },
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            LoggerFactory = NullLoggerFactory.Instance,
        });
        _system = new LocalSystem(devServices: null, host, new LocalSettingsFile.Found("(test settings)", Created: false, GeneratedKeys: []));
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

    /// <summary>What each sample validates to (samples/README.md): the line the start command prints for it.</summary>
    private static readonly Dictionary<string, string> Validated = new(StringComparer.Ordinal)
    {
        ["5204/perjanjian-sumbawa-2026.xlsx"] = "completed: 2 of 2 rows accepted",
        ["5318/perjanjian-sumba-barat-daya-2026.xlsx"] = "completed: 2 of 2 rows accepted",
        ["5316/perjanjian-nagekeo-2026.xls"] = "completed: 1 of 1 row accepted, 1 warning (BUDGET_SHORTFALL 1)",
        ["5204/peserta-sumbawa-2026.xlsx"] = "completed_with_errors: 307 of 312 rows accepted, 5 rejected " +
            "(NIK_PRECISION_LOST 1, NIK_FORMAT 1, DATE_FORMAT 1, OCCUPATION_UNKNOWN 1, DUPLICATE_IN_FILE 1), 1 blank row skipped",
        ["5318/peserta-sumba-barat-daya-okt-des-2026.csv"] = "completed_with_errors: 235 of 240 rows accepted, 5 rejected " +
            "(NIK_PRECISION_LOST 1, NIK_FORMAT 1, DATE_FORMAT 1, OCCUPATION_UNKNOWN 1, DUPLICATE_IN_FILE 1), 1 blank row skipped",
        ["5316/peserta-nagekeo-2026.xls"] = "completed_with_errors: 195 of 200 rows accepted, 5 rejected " +
            "(NIK_PRECISION_LOST 1, NIK_FORMAT 1, DATE_FORMAT 1, OCCUPATION_UNKNOWN 1, DUPLICATE_IN_FILE 1), 1 blank row skipped",
        ["5204/kepatuhan-sumbawa-okt-2026.xlsx"] = "completed_with_errors: 115 of 120 rows accepted, 5 rejected " +
            "(NPP_FORMAT 1, AMOUNT_FORMAT 1, FOLLOWUP_UNKNOWN 1, DATE_IN_FUTURE 1, DUPLICATE_IN_FILE 1), 2 warnings (ARREARS_INCONSISTENT 1, ARREARS_ZERO_AMOUNT 1)",
        ["5318/kepatuhan-sumba-barat-daya-okt-2026.csv"] = "completed_with_errors: 59 of 64 rows accepted, 5 rejected " +
            "(NPP_FORMAT 1, FOLLOWUP_UNKNOWN 1, AMOUNT_FORMAT 1, DATE_IN_FUTURE 1, DUPLICATE_IN_FILE 1), 2 warnings (ARREARS_INCONSISTENT 1, ARREARS_ZERO_AMOUNT 1)",
        ["5316/kepatuhan-nagekeo-okt-2026.xls"] = "completed_with_errors: 75 of 80 rows accepted, 5 rejected " +
            "(NPP_FORMAT 1, AMOUNT_FORMAT 1, DATE_IN_FUTURE 1, FOLLOWUP_UNKNOWN 1, DUPLICATE_IN_FILE 1), 2 warnings (ARREARS_INCONSISTENT 1, ARREARS_ZERO_AMOUNT 1)",
    };

    [Fact]
    public async Task FirstStartUploadsEverySampleAndReportsWhatValidationMadeOfItAndARestartUploadsNothing()
    {
        var sampleFiles = Directory.GetDirectories(RepositoryPaths.Samples)
            .SelectMany(region => Directory.GetFiles(region).Select(file => $"{Path.GetFileName(region)}/{Path.GetFileName(file)}"))
            .Where(name => !Path.GetFileName(name).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Validated.Keys.Order(StringComparer.Ordinal), sampleFiles);

        using var firstOutput = new StringWriter();
        var first = await StartupJob.RunAsync(_system!, firstOutput, NullLoggerFactory.Instance, logFile: null, CancellationToken.None);

        Assert.Equal(sampleFiles, first.Select(o => o.Sheet.BlobName).Order(StringComparer.Ordinal));
        Assert.All(first, outcome =>
        {
            Assert.True(outcome.Uploaded, $"{outcome.Sheet.BlobName} was not uploaded");
            Assert.True(outcome.IsFinal, $"{outcome.Sheet.BlobName}: {outcome.Status} {outcome.RejectionMessage}{outcome.FailureReason}");
            Assert.Equal(outcome.RowsRead, outcome.RowsAccepted + outcome.RowsRejected);
        });
        // Enrolments refer to agreements, so every agreements sheet goes (and is reported) first; the compliance sheets,
        // which refer to nothing, go with the enrolments and are reported after them.
        Assert.Equal(["agreements", "agreements", "agreements", "enrolments", "enrolments", "enrolments", "compliance", "compliance", "compliance"],
            first.Select(o => o.Sheet.IsAgreements ? "agreements" : o.Sheet.IsCompliance ? "compliance" : "enrolments"));
        var lines = Lines(firstOutput);
        var reports = new BlobServiceClient(ConnectionString).GetBlobContainerClient("reports");
        foreach (var outcome in first)
        {
            var at = lines.IndexOf($"  {outcome.Sheet.BlobName} -> {Validated[outcome.Sheet.BlobName]}");
            Assert.True(at >= 0, $"no line for {outcome.Sheet.BlobName} in:\n{firstOutput}");
            // The next line names the office's files by container and blob, and they are there.
            var files = lines[at + 1];
            var findings = $"reports/{outcome.UploadId}/findings.json";
            var rejected = $"reports/{outcome.UploadId}/rejected.xlsx";
            if (outcome.RowsRejected > 0)
            {
                Assert.Equal($"      findings: {findings}, rejected rows: {rejected} (and rejected.csv)", files);
                Assert.True(await reports.GetBlobClient($"{outcome.UploadId}/rejected.xlsx").ExistsAsync());
                Assert.True(await reports.GetBlobClient($"{outcome.UploadId}/rejected.csv").ExistsAsync());
            }
            else
            {
                Assert.Equal($"      findings: {findings}", files);
            }
            Assert.True(await reports.GetBlobClient($"{outcome.UploadId}/findings.json").ExistsAsync());
        }

        var uploads = new BlobServiceClient(ConnectionString).GetBlobContainerClient(Jamsostek.Core.Uploads.UploadBlobNames.Container);
        using var client = new HttpClient { BaseAddress = _system!.Host.BaseAddress, DefaultRequestHeaders = { { "x-functions-key", DevKey } } };
        var api = new UploadsApi(client);
        var etags = new Dictionary<string, Azure.ETag>();
        foreach (var name in sampleFiles)
        {
            var blob = uploads.GetBlobClient(name);
            var content = (await blob.DownloadContentAsync()).Value;
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Samples, name)), content.Content.ToArray());
            etags[name] = content.Details.ETag;
            var region = name.Split('/')[0];
            var upload = Assert.Single(await api.ListAsync(region), u => u.File == name);
            Assert.Equal(Validated[name].Split(':')[0], upload.Status);
        }
        var records = (await api.ListAsync(region: null)).Count;

        using var secondOutput = new StringWriter();
        var second = await StartupJob.RunAsync(_system!, secondOutput, NullLoggerFactory.Instance, logFile: null, CancellationToken.None);

        Assert.Equal(sampleFiles.Count, second.Count);
        Assert.All(second, outcome => Assert.False(outcome.Uploaded, $"{outcome.Sheet.BlobName} was uploaded again"));
        var restartLines = Lines(secondOutput);
        foreach (var name in sampleFiles)
        {
            Assert.Contains($"  {name} -> {Validated[name]} (uploaded before)", restartLines);
            Assert.Equal(etags[name], (await uploads.GetBlobClient(name).GetPropertiesAsync()).Value.ETag);
        }
        // The blob trigger has looked again (a whole scan, and whatever it queued has run): nothing changed, so nothing
        // may be ingested again.
        await _system!.Host.BlobTriggersSettledAsync();
        Assert.Equal(records, (await api.ListAsync(region: null)).Count);
    }

    [Fact]
    public async Task ASampleWhoseContentAnotherBroughtFirstIsPrintedAsItsDuplicateWithTheOriginalsStatus()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jamsostek-duplicate-samples-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "5316"));
            var sheet = Path.Combine(RepositoryPaths.Samples, "5316", "perjanjian-nagekeo-2026.xls");
            File.Copy(sheet, Path.Combine(folder, "5316", "perjanjian-nagekeo-2026.xls"));
            // Not named perjanjian-*: it goes with the second group, once the agreements are validated.
            File.Copy(sheet, Path.Combine(folder, "5316", "salinan-perjanjian-nagekeo-2026.xls"));
            using var http = new HttpClient { BaseAddress = _system!.Host.BaseAddress };
            var samples = new SampleUploads(new BlobServiceClient(ConnectionString), http, DevKey, NullLogger.Instance);
            using var output = new StringWriter();

            var outcomes = await samples.RunAsync(folder, output);

            Assert.Equal(["completed", "duplicate"], outcomes.Select(o => o.Status));
            Assert.True(outcomes[1].IsFinal);
            Assert.Equal($"{outcomes[0].UploadId}-", outcomes[1].UploadId![..(outcomes[0].UploadId!.Length + 1)]);
            Assert.Contains("  5316/salinan-perjanjian-nagekeo-2026.xls -> duplicate of 5316/perjanjian-nagekeo-2026.xls (completed): " +
                "the same content, not checked again", Lines(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SampleRecipientsGoThroughTheRecipientsFunctionRouteAsHostJsonDeclaresIt()
    {
        // host.json's routePrefix is empty (the app's routes carry "api/" themselves): the route comes from the
        // function, not from a prefix the start command assumes.
        var route = StartupJob.CollectionRoute(_system!.Host.App, "ManageRecipients");
        Assert.Equal("api/manage/recipients", route);

        using var http = new HttpClient { BaseAddress = _system.Host.BaseAddress };
        var loaded = await new SampleRecipients(http, route!, MasterKey, NullLogger.Instance).RunAsync(RepositoryPaths.Samples, TextWriter.Null);
        Assert.Equal(9, loaded);
    }

    private static List<string> Lines(StringWriter output) => [.. output.ToString().Split('\n').Select(line => line.TrimEnd('\r'))];
}
