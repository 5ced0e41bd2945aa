using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Employer compliance sheets (kepatuhan) as offices send them: recognised from the header in every format, dated by
/// their "Tanggal Data" line or else by the day they arrive, and refused whole when that line cannot be trusted.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class ComplianceIngestionTests(IngestionSystem system)
{
    private static readonly DateOnly DataDate = new(2026, 10, 31);

    [Fact]
    public async Task AnExcelCsvInAnIndonesianLocaleIsAComplianceSheetDatedByItsTanggalDataLine()
    {
        var rows = ComplianceSheet.Sheet("5204", ComplianceSheet.Rows(25, "5204", DataDate, seed: 5), DataDate).Rows;
        var content = SpreadsheetWriter.CsvBytes(rows, ';', SpreadsheetWriter.Windows1252);

        var upload = await system.IngestAsync("5204", "kepatuhan-sumbawa.csv", content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("compliance", upload.Summary.Kind);
        Assert.Equal("2026-10-31", upload.Summary.SnapshotDate);
        Assert.Equal(4, upload.Count("HeaderRow"));
        Assert.Equal(25, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(25, staged.Count);
    }

    [Fact]
    public async Task ALegacyXlsWithoutADataDateIsDatedTheDayItArrivesInItsRegion()
    {
        var content = SpreadsheetWriter.XlsBytes(ComplianceSheet.Sheet("5316", ComplianceSheet.Rows(12, "5316", DataDate, seed: 6), dataDate: null));
        var arrivedWita = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var upload = await system.IngestAsync("5316", "kepatuhan-nagekeo.xls", content);

        Assert.Equal("compliance", upload.Summary.Kind);
        // The test may straddle midnight in Nusa Tenggara Timur (UTC+8): the day it arrived or the next.
        Assert.Contains(upload.Summary.SnapshotDate, new[] { arrivedWita, arrivedWita.AddDays(1) }.Select(d => d.ToString("yyyy-MM-dd")));
        Assert.Equal(12, upload.Summary.Rows.Read);
    }

    [Fact]
    public async Task AMistypedTanggalDataRejectsTheFileNamingItsCell()
    {
        object?[][] rows =
        [
            [ComplianceSheet.Title("5204")],
            ["Tanggal Data: 31 Juni 2026"],
            [],
            ComplianceSheet.HeaderRow(),
            ComplianceSheet.Row("12.345.678"),
        ];

        var upload = await system.IngestAsync("5204", "kepatuhan-salah-tanggal.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Kepatuhan", rows)));

        await system.AssertRejectedAsync(upload, "DATE_FORMAT", "\"31 Juni 2026\" pada sel A2 bukan tanggal", "Tanggal Data: 30 November 2026");
    }

    [Fact]
    public async Task ATanggalDataAfterTodayRejectsTheFile()
    {
        var nextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        var content = SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet("5204", ComplianceSheet.Rows(3, "5204", DataDate, seed: 7), nextYear));

        var upload = await system.IngestAsync("5204", "kepatuhan-tahun-depan.xlsx", content);

        await system.AssertRejectedAsync(upload, "DATE_IN_FUTURE", "pada sel A2 setelah hari ini");
    }
}
