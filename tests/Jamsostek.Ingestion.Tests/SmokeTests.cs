using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Ingestion.Tests;

[Collection(LocalSystemCollection.Name)]
public sealed class SmokeTests(LocalSystemFixture system)
{
    [Fact]
    public async Task EnrolmentXlsxIsStagedInChunks()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(EnrolmentSheet.Sheet(50, "5204", "PKS-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), titleLines: "DAFTAR PESERTA"));
        await system.UploadAsync("5204", "smoke.xlsx", bytes);
        var record = await system.WaitForRecordAsync("5204", "5204/smoke.xlsx");
        Assert.Equal("validating", record.GetString("Status"));
        Assert.Equal(50, record.GetInt32("RowsRead"));
        var messages = await system.DrainChunkMessagesAsync(record.RowKey);
        Assert.Single(messages);
        var rows = await system.StagedRowsAsync(record.RowKey);
        Assert.Equal(50, rows.Count);
    }
}
