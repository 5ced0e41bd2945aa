using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.Core.Uploads;
using Jamsostek.FunctionsHost;
using Jamsostek.LocalHost.DevServices;
using Jamsostek.LocalHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Benchmarks;

/// <summary>
/// A fresh Azurite (in memory, free ports) and the local host running the published app (the folder Azure runs,
/// with its own host.json), as `dotnet run --project functions/Jamsostek.LocalHost -- --script-root` runs it, minus MailDev.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public const string DevKey = "benchmark-dev-key";
    private static readonly string[] FinalStatuses = [UploadStatus.Completed, UploadStatus.CompletedWithErrors, UploadStatus.Rejected, UploadStatus.Failed];

    private readonly DevServices _services;

    private BenchSystem(DevServices services, LocalFunctionsHost host)
    {
        _services = services;
        Host = host;
    }

    public LocalFunctionsHost Host { get; }

    public string ConnectionString => _services.StorageConnectionString;

    public BlobContainerClient Uploads => new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    public int WorkerProcessId => Host.Worker.ProcessId ?? throw new InvalidOperationException("The host runs no worker process.");

    public static async Task<BenchSystem> StartAsync(string scriptRoot)
    {
        var services = await DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: false, NullLogger.Instance);
        try
        {
            var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
            {
                ScriptRoot = scriptRoot,
                Settings = new Dictionary<string, string?>
                {
                    ["AzureWebJobsStorage"] = services.StorageConnectionString,
                    ["AzureFunctionsWebHost__hostid"] = "benchmark",
                    ["LocalHostMasterKey"] = "benchmark-master-key",
                    ["JamsostekDevKey"] = DevKey,
                },
                ReadEnvironment = false,
                HttpPort = 0,
                LoggerFactory = NullLoggerFactory.Instance,
            });
            var system = new BenchSystem(services, host);
            await system.Uploads.CreateIfNotExistsAsync();
            return system;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false })
    {
        BaseAddress = Host.BaseAddress,
        Timeout = TimeSpan.FromMinutes(10),
        DefaultRequestHeaders = { { "x-functions-key", DevKey } },
    };

    public static string UploadIdOf(string region, byte[] content) =>
        $"{region}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..20]}";

    public async Task UploadAsync(string region, string name, byte[] content) =>
        await Uploads.GetBlobClient($"{region}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);

    /// <summary>
    /// Uploads the file and waits for its final status: the time from the start of the blob write to the status seen
    /// final, and to the status first seen <c>validating</c> (the rows staged, the chunks queued), when it was.
    /// </summary>
    public async Task<(TableEntity Record, TimeSpan Elapsed, TimeSpan? Staged)> UploadAndWaitAsync(string region, string name, byte[] content,
        TimeSpan timeout, TimeSpan? pollInterval = null, Action? onStaged = null)
    {
        var clock = Stopwatch.StartNew();
        await UploadAsync(region, name, content);
        var (record, staged) = await WaitForFinalAsync(region, UploadIdOf(region, content), timeout, pollInterval ?? TimeSpan.FromMilliseconds(100), clock, onStaged);
        return (record, clock.Elapsed, staged);
    }

    private async Task<(TableEntity Record, TimeSpan? Staged)> WaitForFinalAsync(string region, string uploadId, TimeSpan timeout, TimeSpan pollInterval,
        Stopwatch clock, Action? onStaged)
    {
        var uploads = Table("uploads");
        var deadline = Stopwatch.StartNew();
        TimeSpan? staged = null;
        while (true)
        {
            try
            {
                var record = await uploads.GetEntityIfExistsAsync<TableEntity>(region, uploadId);
                if (record.HasValue && FinalStatuses.Contains(record.Value!.GetString("Status")))
                {
                    return (record.Value, staged);
                }
                if (staged is null && record.HasValue && record.Value!.GetString("Status") == UploadStatus.Validating)
                {
                    staged = clock.Elapsed;
                    onStaged?.Invoke();
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The table appears with the first upload.
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Upload {uploadId} was not final after {timeout}.");
            }
            await Task.Delay(pollInterval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
