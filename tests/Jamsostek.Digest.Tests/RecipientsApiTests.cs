using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jamsostek.Digest.Tests.Infrastructure;
using Jamsostek.LocalHost;
using Jamsostek.LocalHost.Samples;
using Jamsostek.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.Digest.Tests;

/// <summary>Recipients are the operator's to manage, without a redeploy; the local system's first start loads the samples'.</summary>
[Collection(DigestCollection.Name)]
public sealed class RecipientsApiTests(DigestSystem system) : IAsyncLifetime
{
    public Task InitializeAsync() => system.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OperatorsCreateChangeListAndRemoveRecipientsWithTheMasterKeyOnly()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Host.BaseAddress };
        using var withDevKey = system.Api();
        using var admin = system.Admin();
        var recipient = new { region = "52.04", name = "Baiq Nurul Hidayati", role = "Kepala Dinas Tenaga Kerja", email = "kadisnaker.sumbawa@example.go.id" };

        using var noKey = await anonymous.PostAsJsonAsync("api/manage/recipients", recipient);
        using var reportKey = await withDevKey.GetAsync("api/manage/recipients");
        using var created = await admin.PostAsJsonAsync("api/manage/recipients", recipient);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var replaced = await admin.PutAsJsonAsync($"api/manage/recipients/{id}", recipient with { role = "Kepala Disnakertrans" });
        using var added = await admin.PutAsJsonAsync("api/manage/recipients/5204-bupati", new { region = "5204", name = "H. Lalu Satria Wirawan", role = "Bupati", email = "bupati.sumbawa@example.go.id", language = "en" });
        var list = (await admin.GetFromJsonAsync<JsonObject>("api/manage/recipients?region=5204"))!["recipients"]!.AsArray();
        using var badEmail = await admin.PostAsJsonAsync("api/manage/recipients", recipient with { email = "kadisnaker at sumbawa" });
        using var badRegion = await admin.PostAsJsonAsync("api/manage/recipients", recipient with { region = "Sumbawa" });
        using var duplicate = await admin.PostAsJsonAsync("api/manage/recipients", new { id = "5204-bupati", region = "5204", name = "X", email = "x@example.go.id" });
        using var removed = await admin.DeleteAsync($"api/manage/recipients/{id}");
        using var removedAgain = await admin.DeleteAsync($"api/manage/recipients/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reportKey.StatusCode); // a report key is not the master key
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^5204-[0-9a-f]{8}$", id);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(2, list.Count);
        var edited = Assert.Single(list, r => (string?)r!["id"] == id)!;
        Assert.Equal("Kepala Disnakertrans", (string?)edited["role"]);
        Assert.Equal("5204", (string?)edited["region"]);
        Assert.Equal("id", (string?)edited["language"]);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("email", await badEmail.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
    }

    [Fact]
    public async Task TheAppChecksTheMasterKeyOnOperatorRoutesItselfNotOnlyTheHost()
    {
        // A host that admits the master key, in front of an app that knows another one (as when the host's key was
        // rotated and the app's Key Vault reference was not): the app refuses, whatever the host let through.
        var logs = new CapturedLogs();
        var mismatched = await system.StartHostAsync(logs, new Dictionary<string, string?> { ["OperatorMasterKey"] = "another-master-key" });
        try
        {
            using var admin = system.Admin(mismatched);
            foreach (var route in new[] { "api/manage/recipients", "api/manage/keys", "api/manage/digest" })
            {
                using var refused = await admin.GetAsync(route);
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {refused.StatusCode}");
            }
            using var reprocess = await admin.PostAsync("api/manage/uploads/5204-00000000000000000000/reprocess", null);
            Assert.Equal(HttpStatusCode.Unauthorized, reprocess.StatusCode);
        }
        finally
        {
            await system.StopHostAsync(mismatched);
        }

        // The usual host: the app knows the same master key, and operators get through.
        using var usual = system.Admin();
        Assert.Equal(HttpStatusCode.OK, (await usual.GetAsync("api/manage/recipients")).StatusCode);
    }

    [Fact]
    public async Task TheSampleRecipientsLoadOnFirstStartAndARestartLeavesThemAlone()
    {
        using var http = new HttpClient { BaseAddress = system.Host.BaseAddress };
        var samples = new SampleRecipients(http, "api/manage/recipients", DigestSystem.MasterKey, NullLogger.Instance);
        using var first = new StringWriter();
        using var second = new StringWriter();

        var loaded = await samples.RunAsync(RepositoryPaths.Samples, first);
        var again = await samples.RunAsync(RepositoryPaths.Samples, second);

        Assert.Equal(9, loaded);
        Assert.Contains("9 digest recipients for regions 5204, 5316, 5318 from samples/recipients.json", first.ToString());
        Assert.Equal(0, again);
        Assert.Contains("9 configured", second.ToString());
        using var admin = system.Admin();
        var recipients = (await admin.GetFromJsonAsync<JsonObject>("api/manage/recipients"))!["recipients"]!.AsArray();
        Assert.Equal(["5204", "5316", "5318"], recipients.Select(r => (string)r!["region"]!).Distinct());
        Assert.All(recipients, r => Assert.EndsWith("@example.go.id", (string)r!["email"]!));
        Assert.Contains(recipients, r => (string?)r!["language"] == "en");
    }

    [Fact]
    public async Task WithoutADigestScheduleSettingOnlyPublishDigestIsInErrorAndTheRestOfTheAppRuns()
    {
        var logs = new CapturedLogs();
        var host = await system.StartHostAsync(logs, new Dictionary<string, string?> { ["DigestSchedule"] = null });
        try
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var health = await http.GetAsync("api/health");

            var error = Assert.Single(host.App.Errors ?? []);
            Assert.Contains("PublishDigest", error);
            Assert.Contains("DigestSchedule", error);
            Assert.Null(host.App.Find("PublishDigest"));
            Assert.NotNull(host.App.Find("ManageRecipients"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains(logs.Lines, line => line.Contains("PublishDigest is in error", StringComparison.Ordinal));
        }
        finally
        {
            await system.StopHostAsync(host);
        }
    }
}
