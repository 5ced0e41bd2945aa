using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Jamsostek.Digest.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.Digest.Tests;

/// <summary>
/// Once per recipient and week, however the digest is fired: run again, run on two hosts at once, fired by a timer
/// every two seconds on two hosts, or run while SMTP is down and again once it is back.
/// </summary>
[Collection(DigestCollection.Name)]
public sealed class DigestOnceTests(DigestSystem system) : IAsyncLifetime
{
    public Task InitializeAsync() => system.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunningTheDigestAgainInTheSameWeekSendsNothingMore()
    {
        await system.AddRecipientAsync("5318-bupati", "5318", "Umbu Ndakularak", "Bupati Sumba Barat Daya", "bupati.sbd@example.go.id");
        await system.AddRecipientAsync("8105-kadisnaker", "8105", "Nurlela Rumalutur", "Kepala Dinas Tenaga Kerja", "kadisnaker.sbt@example.go.id");

        var first = await system.RunDigestAsync();
        await system.Mail.WaitForAsync(2);
        // The second run has finished (the host logged it) and says what it sent: nothing more can arrive from it.
        var second = await system.RunDigestAsync();

        Assert.Contains("2 recipients: 2 sent, 0 failed, 0 sent before", first);
        Assert.Contains("2 recipients: 0 sent, 0 failed, 2 sent before", second);
        Assert.Equal(2, (await system.Mail.EmailsAsync()).Count);
        Assert.All(await system.LedgerAsync(), entry =>
        {
            Assert.Equal("sent", (string?)entry["status"]);
            Assert.Equal(1, (int)entry["attempts"]!);
        });
    }

    [Fact]
    public async Task TwoHostsRunningTheDigestAtOnceSendEachEmailOnce()
    {
        string[] addresses = ["a.sbd@example.go.id", "b.sbd@example.go.id", "c.sbt@example.go.id", "d.sbt@example.go.id", "e.sbw@example.go.id"];
        await system.AddRecipientAsync("5318-a", "5318", "Rambu A", "Kepala Bidang", addresses[0]);
        await system.AddRecipientAsync("5318-b", "5318", "Umbu B", "Sekretaris Dinas", addresses[1]);
        await system.AddRecipientAsync("8105-c", "8105", "Ibu C", "Kepala Bidang", addresses[2]);
        await system.AddRecipientAsync("8105-d", "8105", "Bapak D", "Kepala Cabang", addresses[3]);
        await system.AddRecipientAsync("5204-e", "5204", "Lalu E", "Bupati Sumbawa", addresses[4]);
        var otherLogs = new CapturedLogs();
        var other = await system.StartHostAsync(otherLogs);
        try
        {
            // Both runs have finished: what they sent between them is all MailDev will hold, duplicates included.
            var outcomes = await Task.WhenAll(system.RunDigestAsync(), system.RunDigestAsync(other, otherLogs));
            var emails = await system.Mail.WaitForAsync(outcomes.Sum(SentCount));

            Assert.Equal(addresses.Order(StringComparer.Ordinal), emails.Select(Emails.To).Order(StringComparer.Ordinal));
            Assert.Equal(5, outcomes.Sum(SentCount));
            Assert.All(await system.LedgerAsync(), entry => Assert.Equal(1, (int)entry["attempts"]!));
        }
        finally
        {
            await system.StopHostAsync(other);
        }
    }

    [Fact]
    public async Task ATimerFiringEveryTwoSecondsOnTwoHostsSendsEachDigestOnce()
    {
        await system.AddRecipientAsync("5318-timer", "5318", "Rambu Timer", "Kepala Dinas", "timer.sbd@example.go.id");
        await system.AddRecipientAsync("8105-timer", "8105", "Bapak Timer", "Bupati", "timer.sbt@example.go.id");
        var timerSettings = new Dictionary<string, string?>
        {
            ["DigestSchedule"] = "*/2 * * * * *",
            ["AzureWebJobs.PublishDigest.Disabled"] = null,
            ["AzureFunctionsWebHost__hostid"] = "digest-timer-tests",
        };
        var logs = new[] { new CapturedLogs(), new CapturedLogs() };
        var hosts = new[] { await system.StartHostAsync(logs[0], timerSettings), await system.StartHostAsync(logs[1], timerSettings) };
        try
        {
            await system.Mail.WaitForAsync(2);
            // Let the timer fire a few more times: every run finds both digests sent.
            await Eventually.TrueAsync(() => logs.Sum(l => DigestSystem.Finished(l).Count) >= 4, TimeSpan.FromSeconds(30), "the timer fired at least four times");

            Assert.Equal(["timer.sbd@example.go.id", "timer.sbt@example.go.id"], (await system.Mail.EmailsAsync()).Select(Emails.To).Order(StringComparer.Ordinal));
            Assert.All(await system.LedgerAsync(), entry => Assert.Equal(1, (int)entry["attempts"]!));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await system.StopHostAsync(host);
            }
        }
    }

    [Fact]
    public async Task AnSmtpOutageLeavesFailedEntriesForTheOperatorAndTheNextRunSendsThem()
    {
        await system.AddRecipientAsync("5318-outage", "5318", "Rambu Outage", "Kepala Dinas", "outage.sbd@example.go.id");
        await system.AddRecipientAsync("8105-outage", "8105", "Bapak Outage", "Bupati", "outage.sbt@example.go.id");
        var brokenLogs = new CapturedLogs();
        var broken = await system.StartHostAsync(brokenLogs, new Dictionary<string, string?> { ["Smtp__Port"] = ClosedPort().ToString() });
        string outage;
        try
        {
            outage = await system.RunDigestAsync(broken, brokenLogs);
        }
        finally
        {
            await system.StopHostAsync(broken);
        }

        Assert.Contains("2 recipients: 0 sent, 2 failed", outage);
        Assert.Empty(await system.Mail.EmailsAsync());
        var failed = await system.LedgerAsync();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, entry =>
        {
            Assert.Equal("failed", (string?)entry["status"]);
            Assert.Equal(1, (int)entry["attempts"]!);
            Assert.True((bool)entry["willRetry"]!);
            Assert.Contains("unavailable", (string?)entry["lastError"]);
            Assert.DoesNotContain("@example.go.id", (string?)entry["lastError"]);
        });
        Assert.DoesNotContain(brokenLogs.Lines, line => line.Contains("@example.go.id", StringComparison.Ordinal));

        var recovery = await system.RunDigestAsync();
        var emails = await system.Mail.WaitForAsync(2);

        Assert.Contains("2 recipients: 2 sent, 0 failed", recovery);
        Assert.Equal(["outage.sbd@example.go.id", "outage.sbt@example.go.id"], emails.Select(Emails.To).Order(StringComparer.Ordinal));
        Assert.All(await system.LedgerAsync(), entry =>
        {
            Assert.Equal("sent", (string?)entry["status"]);
            Assert.Equal(2, (int)entry["attempts"]!);
            Assert.Null((string?)entry["lastError"]);
        });
    }

    [Fact]
    public async Task TheOperatorCanForgetASentDigestAndTheNextRunSendsItAgain()
    {
        await system.AddRecipientAsync("5318-resend", "5318", "Rambu Resend", "Kepala Dinas", "resend.sbd@example.go.id");
        await system.RunDigestAsync();
        await system.Mail.WaitForAsync(1);
        var week = (string)(await system.LedgerAsync())[0]["week"]!;
        using var admin = system.Admin();

        using var forget = await admin.DeleteAsync($"api/manage/digest/{week}/5318-resend");
        using var again = await admin.DeleteAsync($"api/manage/digest/{week}/5318-resend");
        await system.RunDigestAsync();
        var emails = await system.Mail.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.NoContent, forget.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(2, emails.Count);
        // The same Message-ID both times: a mail client shows the resend as the same digest.
        Assert.Single(emails.Select(e => Emails.Header(e, "message-id")).Distinct());
        var weekList = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"api/manage/digest/{week}");
        Assert.Equal("sent", (string?)weekList!["entries"]![0]!["status"]);
    }

    private static int SentCount(string outcome)
    {
        var match = System.Text.RegularExpressions.Regex.Match(outcome, @"(\d+) sent,");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
