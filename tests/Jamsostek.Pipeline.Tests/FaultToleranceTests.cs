using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// The pipeline under faults: the worker or the whole local host killed mid-upload, many uploads at once, storage
/// answering 503 for a while. Each ends with exact counts, every valid worker stored once, nothing left validating.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultToleranceTests(FaultFixture system)
{
    [Fact]
    public async Task WorkerKilledDuringAFiftyThousandRowUploadIsRestartedAndLosesAndDuplicatesNothing()
    {
        var scenario = new FaultScenario("5204", "PKS/F01/SBW/2041", 2041);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2041.xlsx", scenario.AgreementXlsx())).Status);
        var rows = scenario.Workers(50_000, seed: 11);
        var uploadId = await system.StartUploadAsync(scenario.Region, "peserta-2041.csv", FaultScenario.Csv(rows));

        await system.WaitForChunksAsync(uploadId, 5, TimeSpan.FromMinutes(2));
        var killed = system.Host.Worker.ProcessId;
        system.Host.Worker.Crash();

        var record = await system.WaitForFinalAsync(uploadId, TimeSpan.FromMinutes(3));
        Assert.NotEqual(killed, system.Host.Worker.ProcessId);
        await Outcomes.AssertExactAsync(system, scenario, uploadId, rows, record);
        await Outcomes.AssertNoneInProgressAsync(system);
    }

    [Fact]
    public async Task LocalHostStoppedMidUploadAndStartedAgainOnTheSameStorageFinishesTheUpload()
    {
        var scenario = new FaultScenario("5318", "PKS/F02/SBD/2042", 2042);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2042.xlsx", scenario.AgreementXlsx())).Status);
        var rows = scenario.Workers(12_000, seed: 12);
        var uploadId = await system.StartUploadAsync(scenario.Region, "peserta-2042.xlsx", FaultScenario.Xlsx(rows));

        await system.WaitForChunksAsync(uploadId, 2, TimeSpan.FromMinutes(2));
        // The host goes down with invocations in flight (cancelled, their worker killed); a new one takes over the
        // same storage and script root, and gets the unfinished messages when their leases run out.
        await system.RestartHostAsync();

        var record = await system.WaitForFinalAsync(uploadId, TimeSpan.FromMinutes(3));
        await Outcomes.AssertExactAsync(system, scenario, uploadId, rows, record);
        await Outcomes.AssertNoneInProgressAsync(system);
    }

    [Fact]
    public async Task TwentyUploadsFromDifferentRegionsAtOnceAreEachCountedExactly()
    {
        var scenarios = Enumerable.Range(0, 20).Select(i =>
        {
            var regency = Regencies.All[i % Regencies.All.Count];
            // Uploads of one region differ in agreement and year; half of them keep their NIKs in kecamatan partitions
            // of their own, the others share the region's.
            return new FaultScenario(regency.Code, $"PKS/F03-{i:00}/{2050 + i / 6}", 2050 + i / 6) { DistrictOffset = i % 2 == 0 ? 10 + 20 * (i / 6) : 0 };
        }).ToList();
        var agreements = await Task.WhenAll(scenarios.Select((s, i) => system.UploadAndWaitAsync(s.Region, $"perjanjian-f03-{i:00}.xlsx", s.AgreementXlsx())));
        Assert.All(agreements, a => Assert.Equal("completed", a.Status));

        var uploads = scenarios.Select((s, i) => (FaultScenario: s, Rows: s.Workers(1_100, seed: 300 + i), Name: $"peserta-f03-{i:00}.csv")).ToList();
        var ids = await Task.WhenAll(uploads.Select(u => system.StartUploadAsync(u.FaultScenario.Region, u.Name, FaultScenario.Csv(u.Rows))));
        var records = await Task.WhenAll(uploads.Select((u, i) => system.WaitForFinalAsync(ids[i], TimeSpan.FromMinutes(3))));

        for (var i = 0; i < uploads.Count; i++)
        {
            await Outcomes.AssertExactAsync(system, uploads[i].FaultScenario, ids[i], uploads[i].Rows, records[i]);
        }
        await Outcomes.AssertNoneInProgressAsync(system);
    }

    [Fact]
    public async Task StorageAnswering503ForAWhileLeavesNoUploadStuckAndLosesNothing()
    {
        var scenario = new FaultScenario("8105", "PKS/F04/SBT/2043", 2043);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2043.xlsx", scenario.AgreementXlsx())).Status);
        var rows = scenario.Workers(8_000, seed: 13);
        var uploadId = await system.StartUploadAsync(scenario.Region, "peserta-2043.csv", FaultScenario.Csv(rows));

        await system.WaitForChunksAsync(uploadId, 1, TimeSpan.FromMinutes(2));
        var refusedBefore = system.Proxy.Refused;
        system.Proxy.FailFor(TimeSpan.FromSeconds(6));
        // A second upload arrives while storage refuses.
        // Another agreement of the region, its workers' NIKs in kecamatan partitions of their own (a NIK already
        // covered that year would rightly be rejected).
        var lateScenario = scenario with { AgreementNo = "PKS/F04B/SBT/2043", DistrictOffset = 30 };
        var lateRows = lateScenario.Workers(1_500, seed: 14);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(lateScenario.Region, "perjanjian-2043b.xlsx", lateScenario.AgreementXlsx(), TimeSpan.FromMinutes(2))).Status);
        var lateId = await system.StartUploadAsync(lateScenario.Region, "peserta-2043b.csv", FaultScenario.Csv(lateRows));

        var record = await system.WaitForFinalAsync(uploadId, TimeSpan.FromMinutes(3));
        var lateRecord = await system.WaitForFinalAsync(lateId, TimeSpan.FromMinutes(2));
        Assert.True(system.Proxy.Refused > refusedBefore + 10, $"the proxy refused only {system.Proxy.Refused - refusedBefore} requests");
        await Outcomes.AssertExactAsync(system, scenario, uploadId, rows, record);
        await Outcomes.AssertExactAsync(system, lateScenario, lateId, lateRows, lateRecord);
        await Outcomes.AssertNoneInProgressAsync(system);
    }

    [Fact]
    public async Task ReportAskedWhileStorageRefusesAnswersAProblemNotAnEmptySuccess()
    {
        using var client = system.Api();
        using (var healthy = await client.GetAsync("api/agreements?region=5204"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, healthy.StatusCode);
        }
        var refusedBefore = system.Proxy.Refused;
        system.Proxy.FailFor(TimeSpan.FromSeconds(60));
        try
        {
            // The storage client gives up after its retries; the function throws, and the office gets a 500 problem in
            // its language rather than the empty 200 the worker would otherwise answer.
            using var response = await client.GetAsync("api/agreements?region=5204&lang=en");

            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Server error", (string?)problem["title"]);
            Assert.True(system.Proxy.Refused > refusedBefore, "storage was asked and refused");
        }
        finally
        {
            system.Proxy.FailFor(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task TwoRegionsEnrollingTheSameWorkersAtOnceCoverEachWorkerOnce()
    {
        // Sumbawa and Sumba Barat Daya upload the same 3,000 workers for the same year at the same moment, under
        // agreements of their own: whichever stores a worker first keeps them, the other is told DUPLICATE_COVERAGE.
        var sumbawa = new FaultScenario("5204", "PKS/F06A/SBW/2046", 2046) { DistrictOffset = 40 };
        var sumbaBaratDaya = new FaultScenario("5318", "PKS/F06B/SBD/2046", 2046);
        foreach (var (scenario, name) in new[] { (sumbawa, "perjanjian-f06a.xlsx"), (sumbaBaratDaya, "perjanjian-f06b.xlsx") })
        {
            Assert.Equal("completed", (await system.UploadAndWaitAsync(scenario.Region, name, scenario.AgreementXlsx())).Status);
        }
        var workers = sumbawa.Workers(3_000, seed: 16, faults: false);
        var theirs = workers.Select(row => (object?[])[.. row[..EnrolmentSheet.Columns.AgreementNo], sumbaBaratDaya.AgreementNo, .. row[(EnrolmentSheet.Columns.AgreementNo + 1)..]]).ToList();

        var ids = await Task.WhenAll(
            system.StartUploadAsync(sumbawa.Region, "peserta-f06a.csv", FaultScenario.Csv(workers)),
            system.StartUploadAsync(sumbaBaratDaya.Region, "peserta-f06b.csv", FaultScenario.Csv(theirs)));
        var records = await Task.WhenAll(
            system.WaitForFinalAsync(ids[0], TimeSpan.FromMinutes(3)),
            system.WaitForFinalAsync(ids[1], TimeSpan.FromMinutes(3)));

        var storedBySumbawa = await system.ParticipantNiksAsync(sumbawa.Region, sumbawa.AgreementKey);
        var storedBySbd = await system.ParticipantNiksAsync(sumbaBaratDaya.Region, sumbaBaratDaya.AgreementKey);
        Assert.Empty(storedBySumbawa.Intersect(storedBySbd));
        Assert.Equal(workers.Select(row => (string)row[EnrolmentSheet.Columns.Nik]!).Order(StringComparer.Ordinal),
            storedBySumbawa.Concat(storedBySbd).Order(StringComparer.Ordinal));
        Assert.Equal(storedBySumbawa.Count, records[0].Rows.Accepted);
        Assert.Equal(storedBySbd.Count, records[1].Rows.Accepted);
        Assert.Equal(workers.Count, records[0].Rows.Rejected + records[1].Rows.Rejected);
        for (var i = 0; i < ids.Length; i++)
        {
            var findings = await system.FindingsAsync(ids[i]);
            Assert.Equal(records[i].Rows.Rejected, findings.Count(f => f.Code == "DUPLICATE_COVERAGE"));
            Assert.DoesNotContain(findings, f => f.Severity == "error" && f.Code != "DUPLICATE_COVERAGE");
        }
        await Outcomes.AssertNoneInProgressAsync(system);
    }
}
