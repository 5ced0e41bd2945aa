using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using static Jamsostek.TestData.EnrolmentSheet;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// The same content is one upload however often it arrives under one name, and a duplicate record under any other;
/// a changed file is a new one; and the counts of an upload reconcile with its chunks, its messages and its staged rows.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class IdempotencyTests(IngestionSystem system)
{
    private const string Pks = "PKS/002/BPJS-WKB/2025";
    private static readonly DateOnly Start = new(2025, 10, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public async Task SameBytesUploadedAgainUnderTheSameNameStageAndQueueNothingTwice()
    {
        var content = SpreadsheetWriter.XlsxBytes(Sheet(30, "5311", Pks, Start, End, seed: 301, titleLines: Title("5311", 2025)));
        var first = await system.IngestAsync("5311", "peserta-oktober.xlsx", content);
        Assert.Single(await system.DrainChunkMessagesAsync(first.UploadId));
        var staged = await StagingETagsAsync(first.UploadId);

        var again = await system.IngestAsync("5311", "peserta-oktober.xlsx", content);

        Assert.NotEqual(first.ETag, again.ETag); // a new blob version: the trigger ran again
        Assert.Equal(first.UploadId, Assert.Single(again.Records).RowKey);
        Assert.Equal("validating", again.Status);
        Assert.Equal(30, again.Summary.Rows.Read);
        Assert.Empty(await system.DrainChunkMessagesAsync(first.UploadId));
        Assert.Equal(staged, await StagingETagsAsync(first.UploadId)); // not even rewritten
    }

    [Fact]
    public async Task SameBytesUnderAnotherNameGetARecordOfTheirOwnAsADuplicateAndStageAndQueueNothing()
    {
        var content = SpreadsheetWriter.XlsxBytes(Sheet(12, "5311", Pks, Start, End, seed: 302));
        var first = await system.IngestAsync("5311", "peserta-november.xlsx", content);
        Assert.Single(await system.DrainChunkMessagesAsync(first.UploadId));
        var staged = await StagingETagsAsync(first.UploadId);

        var copy = await system.IngestAsync("5311", "peserta-november (1).xlsx", content);

        Assert.Equal(2, copy.Records.Count);
        var original = Assert.Single(copy.Records, r => r.RowKey == first.UploadId);
        Assert.Equal("5311/peserta-november.xlsx", original.GetString("BlobName"));
        Assert.Equal("validating", (await system.UploadsApi.GetAsync(first.UploadId)).Status);
        Assert.Equal(first.Record.GetDateTimeOffset("UpdatedAt"), original.GetDateTimeOffset("UpdatedAt"));
        // The copy's own record: an id of the original's id and its own name, pointing at the original, final at once.
        var duplicate = copy.Record;
        Assert.Equal($"{first.UploadId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("5311/peserta-november (1).xlsx")))[..12]}",
            duplicate.RowKey);
        Assert.Equal("duplicate", copy.Status);
        Assert.Equal(first.UploadId, copy.Summary.DuplicateOf?.UploadId);
        Assert.Equal("5311/peserta-november.xlsx", copy.Summary.DuplicateOf?.File);
        Assert.Equal(first.ContentSha256, duplicate.GetString("ContentSha256"));
        Assert.Equal(0, duplicate.GetInt32("Chunks"));
        Assert.Equal(0, copy.Summary.Rows.Read);
        Assert.NotNull(copy.Summary.CompletedAt);
        Assert.Empty(await system.DrainChunkMessagesAsync([first.UploadId, duplicate.RowKey]));
        Assert.Empty(await system.StagingBlobNamesAsync(duplicate.RowKey));
        Assert.Equal(staged, await StagingETagsAsync(first.UploadId));
        await system.AssertOriginalUnchangedAsync(copy);

        // The copy's name again with the same bytes (a retry, a restart, the file put there once more): no second record.
        var again = await system.IngestAsync("5311", "peserta-november (1).xlsx", content);

        Assert.NotEqual(copy.ETag, again.ETag);
        Assert.Equal(2, again.Records.Count);
        Assert.Equal(duplicate.RowKey, again.Record.RowKey);
        Assert.Equal(duplicate.ETag, again.Record.ETag);
        Assert.Empty(await system.DrainChunkMessagesAsync([first.UploadId, duplicate.RowKey]));
        Assert.Equal(staged, await StagingETagsAsync(first.UploadId));
        await system.AssertOriginalUnchangedAsync(first);
    }

    [Fact]
    public async Task ACopyOfACopyIsADuplicateOfTheFirstUpload()
    {
        var content = SpreadsheetWriter.CsvBytes(WithHeader(Rows(4, "5311", Pks, Start, End, seed: 307)));
        var first = await system.IngestAsync("5311", "peserta-januari.csv", content);
        await system.DrainChunkMessagesAsync(first.UploadId);

        var copy = await system.IngestAsync("5311", "peserta-januari (1).csv", content);
        var copyOfCopy = await system.IngestAsync("5311", "peserta-januari (1) (1).csv", content);

        Assert.Equal(3, copyOfCopy.Records.Count);
        Assert.Equal(first.UploadId, copy.Summary.DuplicateOf?.UploadId);
        Assert.Equal(first.UploadId, copyOfCopy.Summary.DuplicateOf?.UploadId);
        Assert.NotEqual(copy.Record.RowKey, copyOfCopy.Record.RowKey);
        Assert.Single(copyOfCopy.Records, r => r.RowKey == first.UploadId);
        Assert.Equal("validating", (await system.UploadsApi.GetAsync(first.UploadId)).Status);
        Assert.Empty(await system.DrainChunkMessagesAsync([first.UploadId, copy.Record.RowKey, copyOfCopy.Record.RowKey]));
    }

    [Fact]
    public async Task RejectedFileUploadedAgainIsNotReadAgain()
    {
        var content = HostileFiles.PdfRenamed();
        var first = await system.IngestAsync("5311", "scan-pks.xlsx", content);
        Assert.Equal("FILE_TYPE", first.RejectionCode);

        var again = await system.IngestAsync("5311", "scan-pks.xlsx", content);

        var record = Assert.Single(again.Records);
        Assert.Equal("rejected", again.Status);
        Assert.Equal(first.Record.GetDateTimeOffset("UpdatedAt"), record.GetDateTimeOffset("UpdatedAt"));
    }

    [Fact]
    public async Task ChangedFileUnderTheSameNameIsANewUpload()
    {
        var first = await system.IngestAsync("5311", "peserta-desember.xlsx", SpreadsheetWriter.XlsxBytes(Sheet(3, "5311", Pks, Start, End, seed: 303)));
        Assert.Single(await system.DrainChunkMessagesAsync(first.UploadId));
        var firstStaged = await StagingETagsAsync(first.UploadId);

        var corrected = await system.IngestAsync("5311", "peserta-desember.xlsx", SpreadsheetWriter.XlsxBytes(Sheet(4, "5311", Pks, Start, End, seed: 303)));

        Assert.NotEqual(first.UploadId, corrected.UploadId);
        Assert.Equal("validating", corrected.Status);
        Assert.Equal(4, corrected.Summary.Rows.Read);
        Assert.Equal(4, (await system.StagedRowsAsync(corrected.UploadId)).Count);
        Assert.Single(await system.DrainChunkMessagesAsync(corrected.UploadId));
        // The first upload is still there as it was: its record and its chunks.
        Assert.Single(await system.RecordsWithContentAsync(first.ContentSha256));
        Assert.Equal("validating", (await system.UploadsApi.GetAsync(first.UploadId)).Status);
        Assert.Equal(firstStaged, await StagingETagsAsync(first.UploadId));
    }

    [Fact]
    public async Task SameFileInAnotherRegionsFolderIsThatRegionsUpload()
    {
        var content = SpreadsheetWriter.CsvBytes(WithHeader(Rows(5, "5311", Pks, Start, End, seed: 304)));
        var sumbaTimur = await system.IngestAsync("5311", "peserta.csv", content);
        var nagekeo = await system.IngestAsync("5316", "peserta.csv", content);

        Assert.Equal(2, nagekeo.Records.Count);
        Assert.NotEqual(sumbaTimur.UploadId, nagekeo.UploadId);
        Assert.Equal("5316", nagekeo.Record.PartitionKey);
        Assert.Single(await system.DrainChunkMessagesAsync(nagekeo.UploadId));
    }

    [Fact]
    public async Task CountsOfTwoThousandFiveHundredRowsReconcileAcrossThreeChunksAndTheirMessages()
    {
        var workers = Rows(2_500, "5311", Pks, Start, End, seed: 305).ToList();
        List<object?[]> rows = [[Title("5311", 2025)], [], HeaderRow()];
        for (var i = 0; i < workers.Count; i++)
        {
            rows.Add(workers[i]);
            if (i % 500 == 499 && i < workers.Count - 1)
            {
                rows.Add([]); // four blank rows between the data
            }
        }

        var upload = await system.IngestAsync("5311", "peserta-2500.csv", SpreadsheetWriter.CsvBytes(rows, ';'));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(3, upload.Count("HeaderRow"));
        Assert.Equal(2_500, upload.Summary.Rows.Read);
        Assert.Equal(2_500, upload.Count("RowsChunked"));
        Assert.Equal(4, upload.Summary.Rows.Blank);
        Assert.Equal(1_000, upload.Count("ChunkSize"));
        Assert.Equal(3, upload.Count("Chunks"));

        var messages = (await system.DrainChunkMessagesAsync(upload.UploadId)).OrderBy(m => m["chunk"]!.GetValue<int>()).ToList();
        Assert.Equal([1, 2, 3], messages.Select(m => m["chunk"]!.GetValue<int>()));
        Assert.All(messages, m =>
        {
            Assert.Equal(3, m["chunks"]!.GetValue<int>());
            Assert.Equal("5311", m["region"]!.GetValue<string>());
            Assert.Equal(upload.UploadId, m["uploadId"]!.GetValue<string>());
        });
        var lines = await system.StagedLineCountsAsync(upload.UploadId);
        Assert.Equal([1_000, 1_000, 500], messages.Select(m => lines[m["blob"]!.GetValue<string>()]));

        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(2_500, staged.Count);
        Assert.Equal(2_500, staged.Select(r => r.Number()).Distinct().Count());
        Assert.Equal(workers.Select(w => (string)w[Columns.Nik]!), staged.Select(r => r.Cell("nik").Value()));

        var manifest = JsonNode.Parse((await system.Staging.GetBlobClient($"{upload.UploadId}/manifest.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(2_500, manifest["rowsRead"]!.GetValue<int>());
        Assert.Equal(4, manifest["blankRows"]!.GetValue<int>());
        Assert.Equal(3, manifest["chunks"]!.GetValue<int>());
        Assert.Equal("enrolments", manifest["kind"]!.GetValue<string>());
        Assert.Equal(3, manifest["headerRow"]!.GetValue<int>());
        Assert.Equal(Header, manifest["columns"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Theory]
    [InlineData(1_000, new[] { 1_000 })]
    [InlineData(1_001, new[] { 1_000, 1 })]
    [InlineData(999, new[] { 999 })]
    public async Task ChunksHoldAThousandRowsEachAndNoneIsEmpty(int count, int[] chunkRows)
    {
        var upload = await system.IngestAsync("5311", $"peserta-{count}.csv", SpreadsheetWriter.CsvBytes(WithHeader(Rows(count, "5311", Pks, Start, End, seed: 306))));

        Assert.Equal(chunkRows.Length, upload.Count("Chunks"));
        Assert.Equal(chunkRows.Length, (await system.DrainChunkMessagesAsync(upload.UploadId)).Count);
        Assert.Equal(chunkRows, (await system.StagedLineCountsAsync(upload.UploadId)).Values);
    }

    private async Task<Dictionary<string, Azure.ETag>> StagingETagsAsync(string uploadId)
    {
        var etags = new Dictionary<string, Azure.ETag>();
        foreach (var name in await system.StagingBlobNamesAsync(uploadId))
        {
            etags[name] = (await system.Staging.GetBlobClient(name).GetPropertiesAsync()).Value.ETag;
        }
        Assert.NotEmpty(etags);
        return etags;
    }
}
