using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Ingestion.Tests;

[Collection(LocalSystemCollection.Name)]
public sealed class SmokeTests(IngestionSystem system)
{
    [Fact]
    public async Task EnrolmentXlsxIsStagedInChunks()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(EnrolmentSheet.Sheet(50, "5204", "PKS-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), titleLines: "DAFTAR PESERTA"));
        // Settled, not merely recorded: the queue messages are written after the record says "validating".
        var upload = await system.IngestAsync("5204", "smoke.xlsx", bytes);
        Assert.Equal("validating", upload.Status);
        Assert.Equal(50, upload.Summary.Rows.Read);
        var messages = await system.DrainChunkMessagesAsync(upload.UploadId);
        Assert.Single(messages);
        var rows = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(50, rows.Count);
    }
}
