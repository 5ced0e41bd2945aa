using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Jamsostek.Pipeline.Tests.Infrastructure;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// A sheet the region already has, uploaded again under another name (the portal's "peserta (2).xlsx", a browser's
/// "peserta (1).xlsx"): its own record, status duplicate, naming the upload that holds the content with that upload's
/// status as it is now; nothing checked, staged or stored again.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DuplicateUploadTests(PipelineFixture system)
{
    [Fact]
    public async Task SameSheetPostedTwiceIsAnsweredTheSecondTimeAsADuplicateOfTheFirstWithItsStatusAsItIsNow()
    {
        var scenario = new Scenario("5313", "PKS/019/MANGGARAI/2046", 2046);
        await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2046.xlsx", scenario.AgreementsXlsx());
        var content = Scenario.EnrolmentsXlsx(scenario.Workers(20, seed: 46));
        var uploadId = PipelineFixture.UploadIdOf(scenario.Region, content);
        var duplicateId = PipelineFixture.DuplicateIdOf(scenario.Region, content, "5313/peserta-2046 (2).xlsx");
        using var client = system.CreateClient(PipelineFixture.DevKey);

        var first = await client.PostAsync($"api/uploads?region={scenario.Region}&file=peserta-2046.xlsx", new ByteArrayContent(content));
        var second = await client.PostAsync($"api/uploads?region={scenario.Region}&file=peserta-2046.xlsx", new ByteArrayContent(content));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstAnswer = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(uploadId, (string?)firstAnswer["uploadId"]);
        Assert.Equal("5313/peserta-2046.xlsx", (string?)firstAnswer["blob"]);
        Assert.Contains((string?)firstAnswer["status"], new[] { "received", "validating" });
        Assert.Null(firstAnswer["duplicateOf"]);
        // The second is stored beside the first, never over it, and answered as what it is.
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var secondAnswer = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(duplicateId, (string?)secondAnswer["uploadId"]);
        Assert.Equal($"/api/uploads/{duplicateId}", second.Headers.Location?.OriginalString);
        Assert.Equal("5313/peserta-2046 (2).xlsx", (string?)secondAnswer["blob"]);
        Assert.Equal("duplicate", (string?)secondAnswer["status"]);
        Assert.Equal(uploadId, (string?)secondAnswer["duplicateOf"]!["uploadId"]);
        Assert.Equal("5313/peserta-2046.xlsx", (string?)secondAnswer["duplicateOf"]!["file"]);

        var original = await system.WaitForFinalAsync(uploadId);
        Assert.Equal("completed", original.Status);
        await system.WaitForIngestionAsync("5313/peserta-2046 (2).xlsx");

        // One upload for the office to follow under each name; the duplicate shows its original's status as it is now.
        var summary = JsonNode.Parse(await client.GetStringAsync($"api/uploads/{duplicateId}"))!;
        Assert.Equal("duplicate", (string?)summary["status"]);
        Assert.Equal("5313/peserta-2046 (2).xlsx", (string?)summary["file"]);
        Assert.Equal("enrolments", (string?)summary["kind"]);
        Assert.Equal(uploadId, (string?)summary["duplicateOf"]!["uploadId"]);
        Assert.Equal("5313/peserta-2046.xlsx", (string?)summary["duplicateOf"]!["file"]);
        Assert.Equal("completed", (string?)summary["duplicateOf"]!["status"]);
        Assert.Equal(0, (int)summary["rows"]!["read"]!);
        Assert.Null(summary["links"]!["findings"]);
        Assert.Equal($"/api/uploads/{uploadId}", (string?)summary["links"]!["duplicateOf"]);
        var listed = JsonNode.Parse(await client.GetStringAsync($"api/uploads?region={scenario.Region}"))!["uploads"]!.AsArray()
            .OfType<JsonObject>().Where(u => ((string?)u["file"])!.StartsWith("5313/peserta-2046", StringComparison.Ordinal)).ToList();
        Assert.Equal(["5313/peserta-2046 (2).xlsx", "5313/peserta-2046.xlsx"], listed.Select(u => (string?)u["file"]).Order(StringComparer.Ordinal));
        var listedDuplicate = listed.Single(u => (string?)u["uploadId"] == duplicateId);
        Assert.Equal("duplicate", (string?)listedDuplicate["status"]);
        Assert.Equal("completed", (string?)listedDuplicate["duplicateOf"]!["status"]);
        Assert.Null(listed.Single(u => (string?)u["uploadId"] == uploadId)["duplicateOf"]);

        // The blob trigger found the record the answer named: two records for this content, one set of rows.
        Assert.Equal([uploadId, duplicateId], (await system.StoredRecordsWithContentAsync(scenario.Region, content)).Select(r => r.RowKey).Order(StringComparer.Ordinal));
        Assert.Single(await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}")));
        Assert.Empty(await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {duplicateId}")));
        Assert.Equal(20, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
        Assert.False(await system.Reports.GetBlobClient($"{duplicateId}/findings.json").ExistsAsync());
        await foreach (var staged in system.Staging.GetBlobsAsync(BlobTraits.None, BlobStates.None, duplicateId + "/", default))
        {
            Assert.Fail($"{staged.Name} was staged for a duplicate.");
        }
    }

    [Fact]
    public async Task ADuplicateHasNoFindingsOfItsOwnAndIsNotReprocessed()
    {
        var scenario = new Scenario("5313", "PKS/020/MANGGARAI/2047", 2047);
        var content = scenario.AgreementsXlsx();
        var original = await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2047.xlsx", content);
        var stored = (await system.Table("uploads").GetEntityAsync<TableEntity>(scenario.Region, original.UploadId)).Value;
        using var client = system.CreateClient(PipelineFixture.DevKey);
        var posted = await client.PostAsync($"api/uploads?region={scenario.Region}&file=perjanjian-2047-kirim-ulang.xlsx", new ByteArrayContent(content));
        var duplicateId = (string)JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["uploadId"]!;
        Assert.Equal(PipelineFixture.DuplicateIdOf(scenario.Region, content, "5313/perjanjian-2047-kirim-ulang.xlsx"), duplicateId);

        var findings = await client.GetAsync($"api/uploads/{duplicateId}/findings");
        var findingsEn = await client.GetAsync($"api/uploads/{duplicateId}/findings?lang=en");
        var rejected = await client.GetAsync($"api/uploads/{duplicateId}/rejected");
        using var admin = system.CreateAdminClient();
        var reprocess = await admin.PostAsync($"api/manage/uploads/{duplicateId}/reprocess", null);

        Assert.Equal(HttpStatusCode.NotFound, findings.StatusCode);
        Assert.Contains("sama dengan 5313/perjanjian-2047.xlsx", await findings.Content.ReadAsStringAsync());
        Assert.Contains($"/api/uploads/{original.UploadId}/findings", await findings.Content.ReadAsStringAsync());
        Assert.Contains("same content as 5313/perjanjian-2047.xlsx", await findingsEn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reprocess.StatusCode);
        Assert.Contains($"duplicate of {original.UploadId}", await reprocess.Content.ReadAsStringAsync());
        await system.WaitForIngestionAsync("5313/perjanjian-2047-kirim-ulang.xlsx");
        Assert.Equal("duplicate", (await system.UploadsApi.GetAsync(duplicateId)).Status);
        // The original's record is not written again.
        var records = await system.StoredRecordsWithContentAsync(scenario.Region, content);
        Assert.Equal(stored.GetDateTimeOffset("UpdatedAt"), records.Single(r => r.RowKey == original.UploadId).GetDateTimeOffset("UpdatedAt"));
    }
}
