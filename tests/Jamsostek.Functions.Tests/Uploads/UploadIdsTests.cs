using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;
using Jamsostek.Functions.Api;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Tests.Uploads;

public sealed class UploadIdsTests
{
    private const string Sha256 = "3f9a0c1b2d4e5f6071829a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";

    [Fact]
    public void ADuplicatesIdIsTheOriginalsIdAndAHashOfItsOwnBlobNameTheSameEveryTime()
    {
        var original = UploadIds.For("5204", Sha256);

        var copy = UploadIds.ForDuplicate(original, "5204/peserta (1).xlsx");

        Assert.Equal("5204-3f9a0c1b2d4e5f607182", original);
        Assert.Matches("^5204-3f9a0c1b2d4e5f607182-[0-9a-f]{12}$", copy);
        Assert.Equal(copy, UploadIds.ForDuplicate(original, "5204/peserta (1).xlsx"));
        Assert.NotEqual(copy, UploadIds.ForDuplicate(original, "5204/peserta (2).xlsx"));
        Assert.NotEqual(copy, UploadIds.ForDuplicate(original, "5204/Peserta (1).xlsx")); // blob names are case-sensitive
        // Every route that finds an upload by id finds the duplicate in its region's partition.
        Assert.Equal("5204", UploadIds.RegionOf(copy));
    }

    [Fact]
    public void ADuplicateIsFinalAndItsSummaryNamesTheOriginalWithTheOriginalsStatusAsItIsNow()
    {
        var original = new UploadRecord
        {
            PartitionKey = "5204", RowKey = UploadIds.For("5204", Sha256), BlobName = "5204/peserta.xlsx",
            Status = UploadStatus.CompletedWithErrors, Kind = UploadKind.Enrolments,
        };
        var duplicate = new UploadRecord
        {
            PartitionKey = "5204", RowKey = UploadIds.ForDuplicate(original.RowKey, "5204/peserta (1).xlsx"), BlobName = "5204/peserta (1).xlsx",
            Status = UploadStatus.Duplicate, DuplicateOf = original.RowKey, DuplicateOfBlob = original.BlobName,
        };

        var summary = UploadSummaries.From(duplicate, Language.Id, original);
        var unread = UploadSummaries.From(duplicate, Language.Id);

        Assert.True(UploadStatus.IsFinal(UploadStatus.Duplicate));
        Assert.Equal(new UploadReference(original.RowKey, "5204/peserta.xlsx", "completed_with_errors"), summary.DuplicateOf);
        Assert.Equal(SheetKind.Enrolments, summary.Kind);
        Assert.Null(summary.Links.Findings);
        Assert.Equal($"/api/uploads/{original.RowKey}", summary.Links.DuplicateOf);
        Assert.Equal(new UploadReference(original.RowKey, "5204/peserta.xlsx", null), unread.DuplicateOf);
        Assert.Null(UploadSummaries.From(original, Language.Id).DuplicateOf);
    }

    [Fact]
    public void EveryStatusHasALabelInTheDigestInBothLanguages()
    {
        foreach (var status in UploadStatus.All)
        {
            Assert.NotEqual(status, DigestLabels.UploadStatus(status, Language.Id));
            Assert.NotEqual(DigestLabels.UploadStatus(status, Language.Id), DigestLabels.UploadStatus(status, Language.En));
        }
        Assert.StartsWith("duplikat", DigestLabels.UploadStatus(UploadStatus.Duplicate, Language.Id), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSummaryGivesTheKindByTheNameTheRecordStores()
    {
        var record = new UploadRecord { PartitionKey = "5204", RowKey = UploadIds.For("5204", Sha256), BlobName = "5204/perjanjian.xlsx" };
        record.SheetKind = SheetKind.Agreements;

        var json = System.Text.Json.JsonSerializer.Serialize(UploadSummaries.From(record, Language.Id),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.Equal(UploadKind.Agreements, record.Kind);
        Assert.Contains("\"kind\":\"agreements\"", json, StringComparison.Ordinal);
    }
}
