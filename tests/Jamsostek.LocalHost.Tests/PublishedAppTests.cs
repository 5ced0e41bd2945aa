using System.IO.Compression;
using System.Net;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.FunctionsHost;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

/// <summary>
/// The real app, published as Azure runs it (README, Deploy), loaded by the local host from exactly that folder, its
/// worker a child process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedAppTests(AzuriteFixture azurite, PublishedApp published) : IClassFixture<PublishedApp>
{
    private static readonly string SourceApp = Path.Combine(RepositoryPaths.Root, "functions", "Jamsostek.Functions");

    [Fact]
    public void PublishedFolderIsAnIsolatedWorkerAppAsTheFunctionsHostLoadsIt()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(SourceApp, "host.json")), File.ReadAllText(Path.Combine(published.Folder, "host.json")));
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Folder, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal("dotnet", (string?)worker["defaultExecutablePath"]);
        Assert.Equal("Jamsostek.Functions.dll", (string?)worker["defaultWorkerPath"]);
        Assert.True(File.Exists(Path.Combine(published.Folder, "Jamsostek.Functions.dll")));
        var functions = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")))!.AsArray()
            .Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal);
        Assert.Equal(AppFunctions, functions);
        Assert.True(Directory.Exists(Path.Combine(published.Folder, ".azurefunctions")), "the host-side extensions travel with the app");
        Assert.Empty(Directory.GetFiles(published.Folder, "function.json", SearchOption.AllDirectories));
        // ReadyToRun: the app's own code is precompiled for linux-x64, so a cold instance does not wait for the JIT.
        using var pe = new PEReader(File.OpenRead(Path.Combine(published.Folder, "Jamsostek.Functions.dll")));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "Jamsostek.Functions.dll is ReadyToRun");
    }

    [Fact]
    public void ZipHoldsThePublishedFolder()
    {
        using var zip = ZipFile.OpenRead(published.Zip);

        var entries = zip.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => entry.FullName).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(published.Folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(published.Folder, file).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(files, entries);
        Assert.Contains("host.json", entries);
        Assert.Contains("functions.metadata", entries);
        Assert.Contains("worker.config.json", entries);
        Assert.Contains(entries, entry => entry.StartsWith(".azurefunctions/", StringComparison.Ordinal));
    }

    /// <summary>The app's development key, so the tests read uploads as the office does (GET /api/uploads).</summary>
    private const string DevKey = "published-app-dev-key";

    [Fact]
    public async Task UploadToThePublishedAppIsIngestedValidatedAndMadeFinal()
    {
        const string region = "5316"; // an agreement number and year of its own keep it apart from the samples
        var sheet = SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(
        [
            AgreementSheet.Row("PKS/PUBLISH/2027", "PKS", region, signedOn: new DateOnly(2026, 12, 20),
                coverageStart: new DateOnly(2027, 1, 1), coverageEnd: new DateOnly(2027, 12, 31), budget: "Rp 1.500.000.000",
                targetParticipants: 9345.0, monthlyContribution: "16.800", legalBasis: "Perbup Nagekeo No. 12 Tahun 2026"),
        ]));
        var uploadId = $"{region}-{Convert.ToHexStringLower(SHA256.HashData(sheet))[..20]}";
        await using var host = await StartHostAsync();
        var uploads = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("uploads");
        await uploads.CreateIfNotExistsAsync();

        await uploads.GetBlobClient($"{region}/perjanjian-nagekeo-2027.xlsx").UploadAsync(BinaryData.FromBytes(sheet), overwrite: true);

        using var client = new HttpClient { BaseAddress = host.BaseAddress, DefaultRequestHeaders = { { "x-functions-key", DevKey } } };
        var upload = await new UploadsApi(client).WaitForFinalAsync(uploadId);
        Assert.Equal("completed", upload.Status);
        var agreement = await new TableServiceClient(azurite.ConnectionString).GetTableClient("agreements")
            .GetEntityAsync<TableEntity>(region, "PKS%2FPUBLISH%2F2027");
        Assert.Equal("PKS/PUBLISH/2027", agreement.Value.GetString("AgreementNo"));
    }

    [Fact]
    public async Task PublishedFolderRunsUnderTheLocalHostAndComesBackAfterAWorkerCrash()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var healthy = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await healthy.Content.ReadAsStringAsync());

        var crashed = host.Worker.ProcessId;
        host.Worker.Crash();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("api/health");
                return response.StatusCode == HttpStatusCode.OK && host.Worker.ProcessId != crashed;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the worker restarted and healthy");
    }

    private Task<LocalFunctionsHost> StartHostAsync() => LocalFunctionsHost.StartAsync(new LocalHostOptions
    {
        ScriptRoot = published.Folder,
        Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["JamsostekDevKey"] = DevKey },
        ReadEnvironment = false,
        HttpPort = 0,
        BlobScanInterval = TimeSpan.FromMilliseconds(250),
        LoggerFactory = NullLoggerFactory.Instance,
    });

    /// <summary>Every function the app declares (README, How the app runs).</summary>
    private static readonly string[] AppFunctions =
    [
        "ComplianceReport", "CoverageReport", "ExpiringReport", "GetAccess", "GetRejectedRows", "GetTemplate", "GetUpload", "GetUploadFindings", "Health",
        "IngestUpload", "ListAgreements", "ListUploads", "ManageDigest", "ManageKeys", "ManageRecipients", "OpenApiDocument",
        "ParticipantsReport", "Portal", "PublishDigest", "ReprocessUpload", "UploadSheet", "ValidateChunk",
    ];
}
