using System.Text.Json;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;

namespace Jamsostek.Core.Tests.Uploads;

public sealed class UploadContractTests
{
    [Fact]
    public void EveryKindOfSheetHasANameThatReadsBackAsThatKind()
    {
        foreach (var kind in Enum.GetValues<SheetKind>())
        {
            Assert.Equal(kind, UploadKind.Parse(UploadKind.NameOf(kind)));
        }
        Assert.Equal(["agreements", "enrolments", "compliance"], Enum.GetValues<SheetKind>().Select(UploadKind.NameOf));
        Assert.Null(UploadKind.Parse("Enrolments"));
        Assert.Null(UploadKind.Parse(null));
    }

    [Fact]
    public void AFailedUploadHasStoppedButIsNotFinalSinceItsQueuedChunksStillRun()
    {
        Assert.Equal([UploadStatus.Completed, UploadStatus.CompletedWithErrors, UploadStatus.Rejected, UploadStatus.Duplicate],
            UploadStatus.All.Where(status => UploadStatus.IsFinal(status)));
        Assert.Equal([UploadStatus.Completed, UploadStatus.CompletedWithErrors, UploadStatus.Rejected, UploadStatus.Failed, UploadStatus.Duplicate],
            UploadStatus.All.Where(status => UploadStatus.HasStopped(status)));
        Assert.Equal([UploadStatus.Completed, UploadStatus.CompletedWithErrors], UploadStatus.All.Where(status => UploadStatus.IsValidated(status)));
        Assert.False(UploadStatus.HasStopped(null));
    }

    [Fact]
    public void AnUploadSummaryReadsBackFromTheApisJson()
    {
        const string json = """
            {"uploadId":"5204-3f9a0c1b2d4e5f607182","region":"5204","file":"5204/peserta.xlsx","kind":"enrolments","status":"completed_with_errors",
             "duplicateOf":null,"receivedAt":"2026-11-30T01:00:00+00:00","completedAt":null,
             "rows":{"read":3,"accepted":2,"rejected":1,"blank":0,"warnings":0,"updated":0},"topErrors":[{"code":"NIK_FORMAT","count":1}],
             "rejectionCode":null,"rejectionMessage":null,"failureCode":null,"failureReason":null,
             "links":{"self":"/api/uploads/5204-3f9a0c1b2d4e5f607182","findings":null,"rejectedRows":null,"duplicateOf":null}}
            """;

        var summary = JsonSerializer.Deserialize<UploadSummary>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(SheetKind.Enrolments, summary.Kind);
        Assert.Equal(UploadStatus.CompletedWithErrors, summary.Status);
        Assert.Equal(new UploadCounts(3, 2, 1, 0, 0, 0), summary.Rows);
        Assert.Equal("5204-3f9a0c1b2d4e5f607182/findings.json", ReportBlobNames.FindingsReport(summary.UploadId));
    }
}
