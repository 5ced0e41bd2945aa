using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;
using C = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Pipeline.Tests;

[Collection(PipelineCollection.Name)]
public sealed class IdempotencyTests(PipelineFixture system)
{
    [Fact]
    public async Task ChunkMessageDeliveredAgainChangesNothing()
    {
        var scenario = new Scenario("5311", "PKS/002/SUMBA-TIMUR/2031", 2031);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2031.xlsx", scenario.AgreementsXlsx());
        var record = await system.UploadAndWaitAsync(scenario.Region, "peserta-2031.xlsx", Scenario.EnrolmentsXlsx(scenario.Workers(40, seed: 2)));
        Assert.Equal("completed", record.Status);
        var chunk = (await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {record.UploadId}"))).Single();

        var message = new JsonObject
        {
            ["uploadId"] = record.UploadId, ["region"] = scenario.Region, ["chunk"] = 1, ["chunks"] = 1,
            ["blob"] = $"{record.UploadId}/chunk-00001.jsonl",
        };
        await RedeliverAsync(message);

        var again = await system.WaitForFinalAsync(record.UploadId);
        Assert.Equal(record.CompletedAt, again.CompletedAt);
        Assert.Equal(40, again.Rows.Accepted);
        Assert.Equal(chunk.ETag, (await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {record.UploadId}"))).Single().ETag);
        Assert.Equal(40, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
    }

    [Fact]
    public async Task StagedRowsAreDeletedOnceTheUploadIsFinalAndARedeliveredChunkStillChangesNothing()
    {
        var scenario = new Scenario("5311", "PKS/014/SUMBA-TIMUR/2040", 2040);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2040.xlsx", scenario.AgreementsXlsx());
        var record = await system.UploadAndWaitAsync(scenario.Region, "peserta-2040.xlsx", Scenario.EnrolmentsXlsx(scenario.Workers(25, seed: 14)));
        Assert.Equal("completed", record.Status);

        async Task<List<string>> StagedBlobsAsync()
        {
            var names = new List<string>();
            await foreach (var blob in system.Staging.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, record.UploadId + "/", default))
            {
                names.Add(blob.Name);
            }
            return names;
        }
        // The workers' rows as typed leave staging once the upload is final (the manifest with them).
        await Eventually.TrueAsync(async () => (await StagedBlobsAsync()).Count == 0, TimeSpan.FromSeconds(10), "the upload's staged blobs are deleted");

        await RedeliverAsync(new JsonObject
        {
            ["uploadId"] = record.UploadId, ["region"] = scenario.Region, ["chunk"] = 1, ["chunks"] = 1,
            ["blob"] = $"{record.UploadId}/chunk-00001.jsonl",
        });
        var again = await system.WaitForFinalAsync(record.UploadId);
        Assert.Equal("completed", again.Status);
        Assert.Equal(25, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
        var poison = system.Queue("validation-poison");
        if (await poison.ExistsAsync())
        {
            Assert.DoesNotContain((await poison.PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(record.UploadId));
        }
    }

    [Fact]
    public async Task CoverageOfAnAgreementIsRecountedByOneFinalizerAtATime()
    {
        var scenario = new Scenario("5311", "PKS/017/SUMBA-TIMUR/2043", 2043);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2043.xlsx", scenario.AgreementsXlsx());
        // Another finalizer of this agreement is recounting: the test holds the agreement's lock as it would.
        var lockBlob = new BlobServiceClient(system.ConnectionString).GetBlobContainerClient("locks")
            .GetBlobClient($"coverage/{scenario.Region}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scenario.AgreementNo)))[..32]}");
        await lockBlob.GetParentBlobContainerClient().CreateIfNotExistsAsync();
        if (!await lockBlob.ExistsAsync())
        {
            await lockBlob.UploadAsync(BinaryData.Empty);
        }
        var lease = lockBlob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var content = Scenario.EnrolmentsXlsx(scenario.Workers(30, seed: 43));
        var uploadId = PipelineFixture.UploadIdOf(scenario.Region, content);
        await system.UploadAsync(scenario.Region, "peserta-2043.xlsx", content);
        await Eventually.TrueAsync(async () => (await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"))).Count == 1,
            TimeSpan.FromSeconds(30), "the upload's chunk is validated");
        // Its chunk is done; its finalizer waits for the lock instead of recounting beside the other one (and says so).
        await Eventually.TrueAsync(() => system.HostLogs.Lines.Any(line => line.StartsWith($"Coverage recount in region {scenario.Region} waits", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the finalizer waits for the agreement's lock");
        Assert.Equal("validating", (await system.UploadsApi.GetAsync(uploadId)).Status);

        await lease.ReleaseAsync();
        var record = await system.WaitForFinalAsync(uploadId, TimeSpan.FromSeconds(30));
        Assert.Equal("completed", record.Status);
        var coverage = await system.QueryAsync("coverage", TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Region}"));
        Assert.Equal(30, coverage.Where(c => c.GetString("AgreementNo") == scenario.AgreementNo).Sum(c => c.GetInt32("Participants") ?? 0));
    }

    [Fact]
    public async Task TwoUploadsOfOneAgreementFinishingTogetherLeaveExactCounts()
    {
        var scenario = new Scenario("5311", "PKS/018/SUMBA-TIMUR/2044", 2044, Target: 10_000);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2044.xlsx", scenario.AgreementsXlsx());
        var workers = scenario.Workers(3_000, seed: 44);
        var first = Scenario.EnrolmentsXlsx([.. workers.Take(1_500)]);
        var second = Scenario.EnrolmentsXlsx([.. workers.Skip(1_500)]);

        await Task.WhenAll(system.UploadAsync(scenario.Region, "peserta-2044-a.xlsx", first), system.UploadAsync(scenario.Region, "peserta-2044-b.xlsx", second));
        var outcomes = await Task.WhenAll(
            system.WaitForFinalAsync(PipelineFixture.UploadIdOf(scenario.Region, first), TimeSpan.FromMinutes(2)),
            system.WaitForFinalAsync(PipelineFixture.UploadIdOf(scenario.Region, second), TimeSpan.FromMinutes(2)));

        Assert.All(outcomes, o => Assert.Equal("completed", o.Status));
        Assert.Equal(3_000, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
        var coverage = await system.QueryAsync("coverage", TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Region}"));
        Assert.Equal(3_000, coverage.Where(c => c.GetString("AgreementNo") == scenario.AgreementNo).Sum(c => c.GetInt32("Participants") ?? 0));
    }

    [Fact]
    public async Task WorkerUploadedAgainUnderTheSameAgreementIsUpdatedAndTheChangeIsRecorded()
    {
        var scenario = new Scenario("5311", "PKS/003/SUMBA-TIMUR/2032", 2032);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2032.xlsx", scenario.AgreementsXlsx());
        var workers = scenario.Workers(5, seed: 3);
        var first = await system.UploadAndWaitAsync(scenario.Region, "peserta-2032.xlsx", Scenario.EnrolmentsXlsx(workers));
        Assert.Equal(5, first.Rows.Accepted);

        workers[2][C.Phone] = "0813-1111-2222";
        var second = await system.UploadAndWaitAsync(scenario.Region, "peserta-2032-revisi.xlsx", Scenario.EnrolmentsXlsx(workers));

        Assert.Equal("completed", second.Status);
        Assert.Equal(5, second.Rows.Accepted);
        Assert.Equal(1, second.Rows.Updated);
        var participants = await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey);
        Assert.Equal(5, participants.Count);
        var updated = participants.Single(p => p.RowKey == (string)workers[2][C.Nik]!);
        Assert.Equal("+6281311112222", updated.GetString("Phone"));
        Assert.Equal(second.UploadId, updated.GetString("UploadId"));
        var change = Assert.Single(await system.QueryAsync("participantchanges",
            TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Region + "|" + scenario.AgreementKey}")));
        Assert.Equal("phone", change.GetString("ChangedFields"));
        Assert.Equal(first.UploadId, change.GetString("PreviousUploadId"));
    }

    [Fact]
    public async Task SameFileUploadedAgainUnderAnotherNameIsADuplicateAndStoresNothingTwice()
    {
        var scenario = new Scenario("5311", "PKS/004/SUMBA-TIMUR/2033", 2033);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2033.xlsx", scenario.AgreementsXlsx());
        var content = Scenario.EnrolmentsXlsx(scenario.Workers(12, seed: 4));
        var first = await system.UploadAndWaitAsync(scenario.Region, "peserta-2033.xlsx", content);

        await system.UploadAsync(scenario.Region, "peserta-2033-salinan.xlsx", content);
        await system.WaitForIngestionAsync($"{scenario.Region}/peserta-2033-salinan.xlsx");

        var again = await system.WaitForFinalAsync(first.UploadId);
        Assert.Equal(first.CompletedAt, again.CompletedAt);
        Assert.Equal("5311/peserta-2033.xlsx", again.File);
        Assert.Single(await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {first.UploadId}")));
        Assert.Equal(12, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
        var duplicateId = PipelineFixture.DuplicateIdOf(scenario.Region, content, "5311/peserta-2033-salinan.xlsx");
        var records = await system.StoredRecordsWithContentAsync(scenario.Region, content);
        Assert.Equal([first.UploadId, duplicateId], records.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        var duplicate = records.Single(r => r.RowKey == duplicateId);
        Assert.Empty(await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {duplicateId}")));

        // The office sees it under its own name, pointing at the upload that holds its content, with that one's status.
        using var client = system.CreateClient(PipelineFixture.DevKey);
        var summary = JsonNode.Parse(await client.GetStringAsync($"api/uploads/{duplicateId}"))!;
        Assert.Equal("duplicate", (string?)summary["status"]);
        Assert.Equal("5311/peserta-2033-salinan.xlsx", (string?)summary["file"]);
        Assert.Equal(first.UploadId, (string?)summary["duplicateOf"]!["uploadId"]);
        Assert.Equal("5311/peserta-2033.xlsx", (string?)summary["duplicateOf"]!["file"]);
        Assert.Equal("completed", (string?)summary["duplicateOf"]!["status"]);

        // The same name with the same bytes again (a retry, the file put there once more): no second duplicate.
        await system.UploadAsync(scenario.Region, "peserta-2033-salinan.xlsx", content);
        await system.WaitForIngestionAsync($"{scenario.Region}/peserta-2033-salinan.xlsx");
        var after = await system.StoredRecordsWithContentAsync(scenario.Region, content);
        Assert.Equal(2, after.Count);
        Assert.Equal(duplicate.ETag, after.Single(r => r.RowKey == duplicateId).ETag);
    }

    [Fact]
    public async Task EnrolmentsUploadedBeforeTheirAgreementAreRejectedAsAgreementUnknown()
    {
        var scenario = new Scenario("5311", "PKS/005/SUMBA-TIMUR/2034", 2034);

        var record = await system.UploadAndWaitAsync(scenario.Region, "peserta-2034.xlsx", Scenario.EnrolmentsXlsx(scenario.Workers(3, seed: 5)));

        Assert.Equal("completed_with_errors", record.Status);
        Assert.Equal(3, record.Rows.Rejected);
        var report = await system.FindingsReportAsync(record.UploadId);
        Assert.All(report["findings"]!.AsArray(), f => Assert.Equal("AGREEMENT_UNKNOWN", f!["code"]!.GetValue<string>()));
        Assert.Equal(["L2", "L3", "L4"], report["findings"]!.AsArray().Select(f => f!["cell"]!.GetValue<string>()).Order());
        Assert.Equal("AGREEMENT_UNKNOWN:3", string.Join(',', record.TopErrors.Select(e => $"{e.Code}:{e.Count}")));
    }

    /// <summary>
    /// Puts a chunk message on the validation queue again, as the queue would redeliver it, and waits until the host
    /// has run ValidateChunk on it to the end (it counts finished invocations), so what the test then finds unchanged
    /// could have changed.
    /// </summary>
    private async Task RedeliverAsync(JsonObject message)
    {
        var activity = system.Host.Activity;
        await activity.WaitUntilAsync(a => a.Running("ValidateChunk") == 0, TimeSpan.FromSeconds(30), "no ValidateChunk under way");
        var finished = activity.Invocations("ValidateChunk");
        await system.Queue("validation").SendMessageAsync(message.ToJsonString());
        await activity.WaitUntilAsync(a => a.Invocations("ValidateChunk") > finished && a.Running("ValidateChunk") == 0, TimeSpan.FromSeconds(30),
            "ValidateChunk finishes the redelivered message");
    }
}
