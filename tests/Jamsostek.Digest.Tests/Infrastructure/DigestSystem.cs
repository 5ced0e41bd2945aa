using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Jamsostek.FunctionsHost;
using Jamsostek.TestSupport;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>
/// The app as it runs locally (<see cref="SystemFixture"/>) with the dev services the digest needs: Azurite and MailDev.
/// PublishDigest's timer is disabled on the main host, so digests go only when a test runs the function through the
/// admin API (an operator's "send now", the same code as the timer); tests that want the timer start hosts of their
/// own. The coverage data of <see cref="DigestData"/> is ingested once; each test starts with no recipients, an empty
/// ledger and an empty inbox (<see cref="ResetAsync"/>).
/// </summary>
public class DigestSystem() : SystemFixture("digest-tests")
{
    public const string Sender = "ringkasan@jamsostek.example.go.id";

    public DigestData Data { get; private set; } = null!;

    protected override bool WithMailDev => true;

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["DigestSchedule"] = "0 0 * * * *",
        ["AzureWebJobs.PublishDigest.Disabled"] = "true",
        ["Smtp__SenderAddress"] = Sender,
    };

    /// <summary>The coverage data the tests count on (<see cref="DigestData"/> here; the samples for <see cref="SampleSystem"/>).</summary>
    protected override async Task LoadAsync() => Data = await DigestData.IngestAsync(this);

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

}

[CollectionDefinition(Name)]
public sealed class DigestCollection : ICollectionFixture<DigestSystem>
{
    public const string Name = "Digest";
}
