using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Jamsostek.FunctionsHost;
using Jamsostek.LocalHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally, with the dev services the digest needs: real Azurite and real MailDev on free ports,
/// the app's build output under the local host. PublishDigest's timer is disabled on the main host, so digests go
/// only when a test runs the function through the admin API (an operator's "send now", the same code as the timer);
/// tests that want the timer start hosts of their own. The coverage data of <see cref="DigestData"/> is ingested
/// once; each test starts with no recipients, an empty ledger and an empty inbox (<see cref="ResetAsync"/>).
/// </summary>
public class DigestSystem : IAsyncLifetime
{
    public const string MasterKey = "digest-test-master-key";
    public const string DevKey = "digest-test-dev-key";
    public const string HostId = "digest-tests";
    public const string Sender = "ringkasan@jamsostek.example.go.id";

    private readonly List<LocalFunctionsHost> _extraHosts = [];
    private LocalHost.DevServices.DevServices? _services;

    public LocalFunctionsHost Host { get; private set; } = null!;

    public CapturedLogs HostLogs { get; } = new();

    public MailDev Mail { get; private set; } = null!;

    public DigestData Data { get; private set; } = null!;

    public string ConnectionString => _services!.StorageConnectionString;

    public int SmtpPort => _services!.SmtpPort;

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    public async Task InitializeAsync()
    {
        _services = await LocalHost.DevServices.DevServices.StartOnFreePortsAsync(RepositoryPaths.Root, startMailDev: true, NullLogger.Instance);
        Mail = new MailDev(_services.MailDevWebAddress);
        Host = await StartHostAsync(HostLogs);
        await LoadAsync();
    }

    /// <summary>The coverage data the tests count on (<see cref="DigestData"/> here; the samples for <see cref="SampleSystem"/>).</summary>
    protected virtual async Task LoadAsync() => Data = await DigestData.IngestAsync(this);

    public async Task DisposeAsync()
    {
        foreach (var host in _extraHosts)
        {
            await host.DisposeAsync();
        }
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        Mail?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>The settings a host of these tests runs with; <paramref name="overrides"/> win (a null value removes a setting).</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["AzureFunctionsWebHost__hostid"] = HostId,
            ["LocalHostMasterKey"] = MasterKey,
            ["JamsostekDevKey"] = DevKey,
            ["DigestSchedule"] = "0 0 * * * *",
            ["AzureWebJobs.PublishDigest.Disabled"] = "true",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Smtp__SenderAddress"] = Sender,
            ["Smtp__TimeoutSeconds"] = "10",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Another local host on the same storage and MailDev (disposed with the fixture unless the test does it first).</summary>
    public async Task<LocalFunctionsHost> StartHostAsync(CapturedLogs logs, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            ScriptRoot = RepositoryPaths.FunctionAppOutput,
            Settings = Settings(overrides),
            ReadEnvironment = false,
            HttpPort = 0,
            BlobScanInterval = TimeSpan.FromMilliseconds(250),
            TimerLockRetryInterval = TimeSpan.FromSeconds(1),
            LoggerFactory = logs.Factory(),
        });
        if (Host is not null)
        {
            _extraHosts.Add(host);
        }
        return host;
    }

    public async Task StopHostAsync(LocalFunctionsHost host)
    {
        _extraHosts.Remove(host);
        await host.DisposeAsync();
    }

    public HttpClient Admin(LocalFunctionsHost? host = null)
    {
        var client = new HttpClient { BaseAddress = (host ?? Host).BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("x-functions-key", MasterKey);
        return client;
    }

    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("x-functions-key", DevKey);
        return client;
    }

    /// <summary>No recipients, no ledger, no mail: what each test starts from.</summary>
    public async Task ResetAsync()
    {
        foreach (var table in new[] { "digestrecipients", "digestledger" })
        {
            try
            {
                await foreach (var entity in Table(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
                {
                    await Table(table).DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
        await Mail.DeleteAllAsync();
    }

    public async Task AddRecipientAsync(string id, string region, string name, string role, string email, string language = "id")
    {
        using var admin = Admin();
        using var response = await admin.PutAsJsonAsync($"api/manage/recipients/{id}", new { region, name, role, email, language });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Runs PublishDigest now through the host's admin API (202 at once, as the Functions host answers) and waits for
    /// the invocation to finish; returns what the run reported ("Digest run (past due False): 3 recipients: 3 sent, ...").
    /// </summary>
    public async Task<string> RunDigestAsync(LocalFunctionsHost? host = null, CapturedLogs? logs = null)
    {
        host ??= Host;
        logs ??= HostLogs;
        var before = Finished(logs).Count;
        using var admin = Admin(host);
        using var response = await admin.PostAsJsonAsync("admin/functions/PublishDigest", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await WaitForRunAsync(logs, before);
    }

    /// <summary>Waits until <paramref name="logs"/> show more than <paramref name="before"/> finished PublishDigest invocations; returns the newest outcome.</summary>
    public static async Task<string> WaitForRunAsync(CapturedLogs logs, int before, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (Finished(logs).Count <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("PublishDigest did not finish in time. Host log:\n" + string.Join('\n', logs.Lines.TakeLast(40)));
            }
            await Task.Delay(100);
        }
        var finished = Finished(logs)[^1];
        Assert.True(finished.Contains("(Succeeded", StringComparison.Ordinal), finished + "\n" + string.Join('\n', logs.Lines.TakeLast(40)));
        return logs.Lines.LastOrDefault(line => line.StartsWith("Digest run (", StringComparison.Ordinal)) ?? finished;
    }

    public static IReadOnlyList<string> Finished(CapturedLogs logs) =>
        [.. logs.Lines.Where(line => line.StartsWith("Executed 'Functions.PublishDigest'", StringComparison.Ordinal))];

    /// <summary>The ledger as the operator's route shows it: every recipient's digest of their current week.</summary>
    public async Task<IReadOnlyList<JsonObject>> LedgerAsync()
    {
        using var admin = Admin();
        var list = await admin.GetFromJsonAsync<JsonObject>("api/manage/digest");
        return [.. list!["entries"]!.AsArray().OfType<JsonObject>()];
    }

    public async Task UploadAsync(string region, string name, byte[] content)
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("uploads");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{region}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }

    /// <summary>Waits until the region has an upload of this file name in a final state; returns its record.</summary>
    public async Task<TableEntity> WaitForUploadAsync(string region, string fileName)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                await foreach (var record in Table("uploads").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {region}")))
                {
                    if (record.GetString("BlobName") == $"{region}/{fileName}"
                        && record.GetString("Status") is "completed" or "completed_with_errors" or "rejected" or "failed")
                    {
                        return record;
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{region}/{fileName} was not ingested in time.");
            }
            await Task.Delay(250);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DigestCollection : ICollectionFixture<DigestSystem>
{
    public const string Name = "Digest";
}
