using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.LocalHost.Tests.Infrastructure;
using Jamsostek.TestData;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

/// <summary>
/// The real app, published as Azure runs it (README, Deploy), loaded by the local host from exactly that folder,
/// its handler a child process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedAppTests(AzuriteFixture azurite, PublishedApp published) : IClassFixture<PublishedApp>
{
    private static readonly string SourceApp = Path.Combine(RepositoryPaths.Root, "functions", "Jamsostek.Functions");

    [Fact]
    public void PublishedFolderHoldsTheSelfContainedHandlerHostJsonAndEveryFunctionFolder()
    {
        var executable = Path.Combine(published.Folder, "Jamsostek.Functions");
        Assert.True(File.Exists(executable), "the handler executable sits beside host.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute));
        }
        // Native AOT: one ELF executable with the runtime inside, no assemblies beside it, its symbols left out.
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(executable)[..4]);
        Assert.Empty(Directory.GetFiles(published.Folder, "*.dll"));
        Assert.False(File.Exists(executable + ".dbg"), "the native symbols stay out of the package");
        Assert.Equal(File.ReadAllText(Path.Combine(SourceApp, "host.json")), File.ReadAllText(Path.Combine(published.Folder, "host.json")));
        Assert.Equal(FunctionFolders(SourceApp), FunctionFolders(published.Folder));
        Assert.All(FunctionFolders(SourceApp), function => Assert.Equal(
            File.ReadAllText(Path.Combine(SourceApp, function, "function.json")),
            File.ReadAllText(Path.Combine(published.Folder, function, "function.json"))));
    }

    [Fact]
    public void ZipHoldsThePublishedFolderWithTheHandlerStillExecutable()
    {
        using var zip = ZipFile.OpenRead(published.Zip);

        var entries = zip.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => entry.FullName).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(published.Folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(published.Folder, file).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(files, entries);
        Assert.Contains("host.json", entries);
        Assert.Contains("IngestUpload/function.json", entries);
        var mode = (UnixFileMode)((zip.GetEntry("Jamsostek.Functions")!.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute), $"mode {mode}");
    }

    [Fact]
    public void DefaultPublishDeclaresStorageQueueBindingsOnTheValidationQueue()
    {
        AssertBinding(published.Folder, "ValidateChunk", """
            {"type":"queueTrigger","direction":"in","name":"chunk","queueName":"validation","connection":"AzureWebJobsStorage"}
            """);
        AssertBinding(published.Folder, "IngestUpload", """
            {"type":"queue","direction":"out","name":"chunks","queueName":"validation","connection":"AzureWebJobsStorage"}
            """);
    }

    [Fact]
    public async Task ServiceBusPublishDeclaresServiceBusBindingsOnTheValidationQueue()
    {
        var folder = Path.Combine(published.Root, "app-servicebus");

        // Only the function.json files matter here: the ahead-of-time compilation (minutes) is left out.
        await PublishedApp.PublishAsync(folder, "-p:ValidationTransport=ServiceBus", "-p:PublishAot=false", "-p:PublishReadyToRun=false");

        AssertBinding(folder, "ValidateChunk", """
            {"type":"serviceBusTrigger","direction":"in","name":"chunk","queueName":"validation","connection":"ServiceBusConnection"}
            """);
        AssertBinding(folder, "IngestUpload", """
            {"type":"serviceBus","direction":"out","name":"chunks","queueName":"validation","connection":"ServiceBusConnection"}
            """);
        var upload = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "IngestUpload", "function.json")))!["bindings"]![0]!;
        Assert.Equal("blobTrigger", (string?)upload["type"]);
        Assert.Equal(16, (int)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "host.json")))!["extensions"]!["serviceBus"]!["maxConcurrentCalls"]!);
    }

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

        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("uploads");
        string? status = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                var record = await table.GetEntityIfExistsAsync<TableEntity>(region, uploadId);
                status = record.HasValue ? record.Value!.GetString("Status") : null;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                status = null; // the table appears with the first upload
            }
            return status is "completed" or "completed_with_errors" or "rejected" or "failed";
        }, TimeSpan.FromSeconds(90), $"upload {uploadId} final in table uploads");
        Assert.Equal("completed", status);
        var agreement = await new TableServiceClient(azurite.ConnectionString).GetTableClient("agreements")
            .GetEntityAsync<TableEntity>(region, "PKS%2FPUBLISH%2F2027");
        Assert.Equal("PKS/PUBLISH/2027", agreement.Value.GetString("AgreementNo"));
    }

    [Fact]
    public async Task PublishedFolderRunsUnderTheLocalHostAndComesBackAfterAHandlerCrash()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var healthy = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await healthy.Content.ReadAsStringAsync());

        var crashed = host.HandlerProcess!.ProcessId;
        host.HandlerProcess.Crash();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("api/health");
                return response.StatusCode == HttpStatusCode.OK && host.HandlerProcess.ProcessId != crashed;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the handler restarted and healthy");
    }

    private Task<LocalFunctionsHost> StartHostAsync() => LocalFunctionsHost.StartAsync(new LocalHostOptions
    {
        ScriptRoot = published.Folder,
        Settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString },
        ReadEnvironment = false,
        HttpPort = 0,
        BlobScanInterval = TimeSpan.FromMilliseconds(250),
        LoggerFactory = NullLoggerFactory.Instance,
    });

    private static List<string> FunctionFolders(string folder) =>
        [.. Directory.EnumerateDirectories(folder)
            .Where(directory => File.Exists(Path.Combine(directory, "function.json")))
            .Select(directory => Path.GetFileName(directory))
            .Order(StringComparer.Ordinal)];

    private static void AssertBinding(string folder, string function, string expected)
    {
        var wanted = JsonNode.Parse(expected)!;
        var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, function, "function.json")))!["bindings"]!.AsArray();
        var binding = bindings.Single(b => (string?)b!["name"] == (string?)wanted["name"])!;
        Assert.True(JsonNode.DeepEquals(wanted, binding), $"{function}: {binding.ToJsonString()}");
    }
}
