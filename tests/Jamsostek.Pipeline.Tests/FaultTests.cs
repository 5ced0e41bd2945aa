using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests;

[Collection(PipelineCollection.Name)]
public sealed class FaultTests(PipelineFixture system)
{
    [Fact]
    public async Task ChunkThatKeepsFailingLeavesTheUploadFailedWithItsAttemptsAndAnOperatorCanReprocessIt()
    {
        var scenario = new Scenario("8105", "PKS/006/SBT/2035", 2035);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2035.xlsx", scenario.AgreementsXlsx());
        // An upload whose chunk blob is missing, as after a storage accident: every attempt fails.
        var uploadId = $"{scenario.Region}-00000000000000fa11ed";
        var worker = scenario.Workers(1, seed: 6)[0];
        await system.Table("uploads").UpsertEntityAsync(new TableEntity(scenario.Region, uploadId)
        {
            ["BlobName"] = $"{scenario.Region}/hilang.csv", ["Status"] = "validating", ["Kind"] = "enrolments", ["RowsRead"] = 1,
            ["RowsChunked"] = 1, ["Chunks"] = 1, ["ChunkSize"] = 1000, ["ReceivedAt"] = DateTimeOffset.UtcNow,
        });
        var manifest = new JsonObject
        {
            ["uploadId"] = uploadId, ["region"] = scenario.Region, ["blobName"] = $"{scenario.Region}/hilang.csv", ["kind"] = "enrolments",
            ["format"] = "csv", ["sheet"] = "hilang", ["headerRow"] = 1, ["columns"] = new JsonArray("NIK", "Nama", "Tanggal Lahir", "Nomor PKS"),
            ["fieldColumns"] = new JsonObject { ["nik"] = "A", ["full_name"] = "B", ["birth_date"] = "C", ["agreement_no"] = "D" },
            ["rowsRead"] = 1, ["blankRows"] = 0, ["chunks"] = 1, ["chunkSize"] = 1000,
        };
        await system.Staging.CreateIfNotExistsAsync();
        await system.Staging.GetBlobClient($"{uploadId}/manifest.json").UploadAsync(BinaryData.FromString(manifest.ToJsonString()), overwrite: true);
        await system.Queue("validation").SendMessageAsync(new JsonObject
        {
            ["uploadId"] = uploadId, ["region"] = scenario.Region, ["chunk"] = 1, ["chunks"] = 1, ["blob"] = $"{uploadId}/chunk-00001.jsonl",
        }.ToJsonString());

        var failed = await system.WaitForFinalAsync(uploadId, TimeSpan.FromSeconds(60));
        Assert.Equal("failed", failed.Status);
        // A code and a plain sentence for the office; the exception (a missing blob) stays in the logs.
        Assert.Equal("VALIDATION_FAILED", failed.FailureCode);
        var reason = failed.FailureReason;
        Assert.StartsWith("Sebagian berkas tidak dapat divalidasi setelah 5 kali percobaan", reason);
        Assert.DoesNotContain("Exception", reason);
        Assert.DoesNotContain("Blob", reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(uploadId, reason);
        // The upload says "failed" on the last attempt, just before that attempt fails and the host poisons the message.
        await Eventually.TrueAsync(async () => (await system.Queue("validation-poison").PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains(uploadId)),
            TimeSpan.FromSeconds(20), "the chunk's message is on validation-poison");

        // The operator restores the chunk and reprocesses the upload.
        var nik = (string)worker[EnrolmentSheet.Columns.Nik]!;
        var birth = ((DateOnly)worker[EnrolmentSheet.Columns.BirthDate]!).ToString("yyyy-MM-dd");
        var line = $$"""{"row":2,"cells":[{"f":"nik","c":"A2","t":"{{nik}}","v":"{{nik}}"},{"f":"full_name","c":"B2","t":"Maria Goreti","v":"Maria Goreti"},{"f":"birth_date","c":"C2","t":"x","v":"{{birth}}"},{"f":"agreement_no","c":"D2","t":"{{scenario.AgreementNo}}","v":"{{scenario.AgreementNo}}"}]}""";
        await system.Staging.GetBlobClient($"{uploadId}/chunk-00001.jsonl").UploadAsync(BinaryData.FromString(line + "\n"), overwrite: true);
        using var admin = system.CreateAdminClient();
        using (var unauthorized = new HttpClient { BaseAddress = system.Host.BaseAddress })
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized,
                (await unauthorized.PostAsync($"api/manage/uploads/{uploadId}/reprocess", null)).StatusCode);
        }
        var response = await admin.PostAsync($"api/manage/uploads/{uploadId}/reprocess", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("requeued", (string?)answer["action"]);
        Assert.Equal([1], answer["requeuedChunks"]!.AsArray().Select(n => n!.GetValue<int>()));

        var completed = await system.WaitForFinalAsync(uploadId, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", completed.Status);
        Assert.Equal(1, completed.Rows.Accepted);
        Assert.Single(await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey));
    }

    [Fact]
    public async Task UploadThatFailedWhileBeingReadIsReadAgainFromItsBlobWhenReprocessed()
    {
        var scenario = new Scenario("8105", "PKS/015/SBT/2041", 2041);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2041.xlsx", scenario.AgreementsXlsx());
        var done = await system.UploadAndWaitAsync(scenario.Region, "peserta-2041.xlsx", Scenario.EnrolmentsXlsx(scenario.Workers(12, seed: 41)));
        Assert.Equal("completed", done.Status);
        // As IngestUpload leaves an upload it could not read five times: failed, nothing staged, no chunk results.
        var uploadId = done.UploadId;
        await ResetAsync(done, new() { ["Status"] = "failed", ["Chunks"] = 0, ["RowsRead"] = 0, ["RowsAccepted"] = 0, ["FailureCode"] = "READ_FAILED", ["FailedAttempts"] = 5 });
        foreach (var chunk in await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}")))
        {
            await system.Table("uploadchunks").DeleteEntityAsync(chunk.PartitionKey, chunk.RowKey);
        }

        using var admin = system.CreateAdminClient();
        var response = await admin.PostAsync($"api/manage/uploads/{uploadId}/reprocess", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("read_again", (string?)answer["action"]);
        Assert.Equal([1], answer["requeuedChunks"]!.AsArray().Select(n => n!.GetValue<int>()));
        var completed = await system.WaitForFinalAsync(uploadId, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", completed.Status);
        Assert.Equal(12, completed.Rows.Read);
        Assert.Equal(12, completed.Rows.Accepted);
        Assert.Null(completed.FailureCode);
        Assert.Equal(12, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
    }

    [Fact]
    public async Task UploadThatFailedWhileFinalizingIsFinalizedWithoutValidatingAnyChunkAgain()
    {
        var scenario = new Scenario("8105", "PKS/016/SBT/2042", 2042);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2042.xlsx", scenario.AgreementsXlsx());
        var done = await system.UploadAndWaitAsync(scenario.Region, "peserta-2042.xlsx", Scenario.EnrolmentsXlsx(scenario.Workers(9, seed: 42)));
        var uploadId = done.UploadId;
        var results = await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"));
        // Every chunk has its result, but the last step failed: the upload says failed and counts nothing yet.
        await ResetAsync(done, new() { ["Status"] = "failed", ["RowsAccepted"] = 0, ["FailureCode"] = "VALIDATION_FAILED", ["FailedAttempts"] = 5 });

        using var admin = system.CreateAdminClient();
        var response = await admin.PostAsync($"api/manage/uploads/{uploadId}/reprocess", null);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("finalized", (string?)answer["action"]);
        Assert.Empty(answer["requeuedChunks"]!.AsArray());
        // Finalized before the answer: no chunk went through validation again.
        var record = await system.UploadsApi.GetAsync(uploadId);
        Assert.Equal("completed", record.Status);
        Assert.Equal(9, record.Rows.Accepted);
        Assert.Null(record.FailureCode);
        Assert.Equal(results.Select(r => r.ETag), (await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"))).Select(r => r.ETag));

        // Final now: a second call is refused and changes nothing.
        var again = await admin.PostAsync($"api/manage/uploads/{uploadId}/reprocess", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>Sets columns of an upload's stored record, as a failure the test stands in for would have left it.</summary>
    private async Task ResetAsync(UploadSummary upload, Dictionary<string, object> values)
    {
        var current = (await system.Table("uploads").GetEntityAsync<TableEntity>(upload.Region, upload.UploadId)).Value;
        foreach (var (name, value) in values)
        {
            current[name] = value;
        }
        await system.Table("uploads").UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace);
    }
}
