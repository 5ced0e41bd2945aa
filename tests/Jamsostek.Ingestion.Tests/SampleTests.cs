using System.Text.Json.Nodes;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.Samples;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Each file in samples/ (what the local host uploads on first start) ingests as its kind, every row read, and
/// the only cells that do not parse are the faulty ones samples/README.md lists; the messy-but-valid values
/// (text dates, "BHL", "Laki-laki", "Rp 1.500.000", "1,5 miliar", "53.16") all parse.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class SampleTests(IngestionSystem system)
{
    [Theory]
    [InlineData("5204", "perjanjian-sumbawa-2026.xlsx", "agreements", "xlsx", 4, 2, 0, "", "")]
    [InlineData("5318", "perjanjian-sumba-barat-daya-2026.xlsx", "agreements", "xlsx", 1, 2, 0, "", "")]
    [InlineData("5316", "perjanjian-nagekeo-2026.xls", "agreements", "xls", 3, 1, 0, "", "")]
    [InlineData("5204", "peserta-sumbawa-2026.xlsx", "enrolments", "xlsx", 4, 312, 1,
        "B16=NIK_PRECISION_LOST B41=NIK_FORMAT E62=DATE_FORMAT K95=OCCUPATION_UNKNOWN", "27 145")]
    [InlineData("5318", "peserta-sumba-barat-daya-okt-des-2026.csv", "enrolments", "csv", 1, 240, 1,
        "B6=NIK_PRECISION_LOST B49=NIK_FORMAT E100=DATE_FORMAT K135=OCCUPATION_UNKNOWN", "18 204")]
    [InlineData("5316", "peserta-nagekeo-2026.xls", "enrolments", "xls", 3, 200, 1,
        "B11=NIK_PRECISION_LOST B67=NIK_FORMAT E107=DATE_FORMAT K126=OCCUPATION_UNKNOWN", "48 155")]
    public async Task SampleIngestsAsItsKindWithEveryRowAndOnlyItsFaultyCellsUnparsed(
        string region, string file, string kind, string format, int headerRow, int rows, int blankRows, string unparsedCells, string duplicateNikRows)
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(LocalHost.RepositoryPaths.Samples, region, file));

        var upload = await system.IngestAsync(region, file, content);
        var record = upload.Record;

        Assert.True(upload.Status == "validating", $"{file}: {upload.Status} {upload.Summary.RejectionMessage}");
        Assert.Equal(kind, upload.Summary.Kind);
        Assert.Equal(format, record.GetString("Format"));
        Assert.Equal(headerRow, record.GetInt32("HeaderRow"));
        Assert.Equal(rows, upload.Summary.Rows.Read);
        Assert.Equal(blankRows, upload.Summary.Rows.Blank);
        Assert.Equal(1, record.GetInt32("Chunks"));
        // Another test may have uploaded the same content first (same upload id, queued once): only clean up here.
        await system.DrainChunkMessagesAsync(record.RowKey);

        var staged = await system.StagedRowsAsync(record.RowKey);
        Assert.Equal(rows, staged.Count);
        var cells = staged.SelectMany(row => row["cells"]!.AsArray().Select(cell => cell!.AsObject())).ToList();
        var unparsed = cells.Where(cell => cell["e"] is not null)
            .Select(cell => $"{cell["c"]}={cell["e"]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(Words(unparsedCells).Order(StringComparer.Ordinal), unparsed);

        // A duplicate NIK is validation's finding, not a parse error: here it is one NIK on exactly two rows.
        var repeated = cells.Where(cell => (string?)cell["f"] == "nik" && cell["v"] is not null)
            .GroupBy(cell => (string)cell["v"]!)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(cell => RowOf(cell)))
            .Order();
        Assert.Equal(Words(duplicateNikRows).Select(int.Parse), repeated);
    }

    [Theory]
    [InlineData("5204", "kepatuhan-sumbawa-okt-2026.xlsx", "xlsx", 5, 120, "B14=NPP_FORMAT I38=AMOUNT_FORMAT K52=FOLLOWUP_UNKNOWN", "20 94")]
    [InlineData("5318", "kepatuhan-sumba-barat-daya-okt-2026.csv", "csv", 3, 64, "B9=NPP_FORMAT K17=FOLLOWUP_UNKNOWN I34=AMOUNT_FORMAT", "11 55")]
    [InlineData("5316", "kepatuhan-nagekeo-okt-2026.xls", "xls", 3, 80, "B15=NPP_FORMAT I30=AMOUNT_FORMAT K48=FOLLOWUP_UNKNOWN", "8 70")]
    public async Task ComplianceSampleIngestsAsTheSnapshotOfItsDataDateWithOnlyItsFaultyCellsUnparsed(
        string region, string file, string format, int headerRow, int rows, string unparsedCells, string duplicateNppRows)
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(LocalHost.RepositoryPaths.Samples, region, file));

        var upload = await system.IngestAsync(region, file, content);
        var record = upload.Record;

        Assert.True(upload.Status == "validating", $"{file}: {upload.Status} {upload.Summary.RejectionMessage}");
        Assert.Equal("compliance", upload.Summary.Kind);
        Assert.Equal(format, record.GetString("Format"));
        Assert.Equal(headerRow, record.GetInt32("HeaderRow"));
        // "Tanggal Data: 31 Oktober 2026" in one cell (xlsx); "Tanggal Data:" then 31/10/2026 (csv); then an Excel date (xls).
        Assert.Equal("2026-10-31", upload.Summary.SnapshotDate);
        Assert.Equal(rows, upload.Summary.Rows.Read);
        Assert.Equal(0, upload.Summary.Rows.Blank);
        await system.DrainChunkMessagesAsync(record.RowKey);

        var staged = await system.StagedRowsAsync(record.RowKey);
        Assert.Equal(rows, staged.Count);
        var cells = staged.SelectMany(row => row["cells"]!.AsArray().Select(cell => cell!.AsObject())).ToList();
        Assert.Equal(Words(unparsedCells).Order(StringComparer.Ordinal),
            cells.Where(cell => cell["e"] is not null).Select(cell => $"{cell["c"]}={cell["e"]}").Order(StringComparer.Ordinal));
        // NPPs typed with and without dots are one NPP: the duplicate is the same 8 digits on two rows.
        var repeated = cells.Where(cell => (string?)cell["f"] == "npp" && cell["v"] is not null)
            .GroupBy(cell => (string)cell["v"]!)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(cell => RowOf(cell)))
            .Order();
        Assert.Equal(Words(duplicateNppRows).Select(int.Parse), repeated);
    }

    [Fact]
    public async Task NagekeoAgreementAmountsAndRegionAreReadAsOfficesWriteThem()
    {
        const string region = "5316";
        const string file = "perjanjian-nagekeo-2026.xls";
        var upload = await system.IngestAsync(region, file, await File.ReadAllBytesAsync(Path.Combine(LocalHost.RepositoryPaths.Samples, region, file)));
        var record = upload.Record;
        await system.DrainChunkMessagesAsync(record.RowKey);

        var row = Assert.Single(await system.StagedRowsAsync(record.RowKey));
        var values = row["cells"]!.AsArray().ToDictionary(cell => (string)cell!["f"]!, cell => cell!["v"]?.ToJsonString());
        Assert.Equal("1500000000", values["budget_idr"]);
        Assert.Equal("16800", values["monthly_contribution_idr"]);
        Assert.Equal("9345", values["target_participants"]);
        Assert.Equal("\"5316\"", values["region_code"]);
        Assert.Equal("\"2026-04-01\"", values["coverage_start"]);
        Assert.Equal("\"2027-03-31\"", values["coverage_end"]);
    }

    [Theory]
    [InlineData(SheetFormat.Xlsx, "xlsx")]
    [InlineData(SheetFormat.Xls, "xls")]
    [InlineData(SheetFormat.Csv, "csv")]
    public async Task SyntheticSheetOfTheSamplesCommandIsValidThroughout(SheetFormat format, string extension)
    {
        using var content = new MemoryStream();
        SyntheticSheet.Write(content, 1_500, "5318", format, seed: 7);

        var upload = await system.IngestAsync("5318", $"synthetic-1500.{extension}", content.ToArray());
        var record = upload.Record;
        await system.DrainChunkMessagesAsync(record.RowKey);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("enrolments", upload.Summary.Kind);
        Assert.Equal(1_500, upload.Summary.Rows.Read);
        Assert.Equal(2, record.GetInt32("Chunks"));
        var staged = await system.StagedRowsAsync(record.RowKey);
        Assert.Equal(1_500, staged.Count);
        Assert.DoesNotContain(staged.SelectMany(row => row["cells"]!.AsArray()), cell => cell!["e"] is not null);
        Assert.All(staged, row => Assert.Contains(row["cells"]!.AsArray(),
            cell => (string?)cell!["f"] == "agreement_no" && (string?)cell["v"] == SampleAgreements.SumbaBaratDaya.Number));
    }

    [Theory]
    [InlineData(SheetFormat.Xlsx, "xlsx")]
    [InlineData(SheetFormat.Xls, "xls")]
    [InlineData(SheetFormat.Csv, "csv")]
    public async Task SyntheticComplianceSheetOfTheSamplesCommandIsValidThroughout(SheetFormat format, string extension)
    {
        using var content = new MemoryStream();
        SyntheticSheet.WriteCompliance(content, 1_500, "5311", format, new DateOnly(2026, 9, 30), seed: 7);

        var upload = await system.IngestAsync("5311", $"synthetic-kepatuhan-1500.{extension}", content.ToArray());
        var record = upload.Record;
        await system.DrainChunkMessagesAsync(record.RowKey);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("compliance", upload.Summary.Kind);
        Assert.Equal("2026-09-30", upload.Summary.SnapshotDate);
        Assert.Equal(4, record.GetInt32("HeaderRow"));
        Assert.Equal(1_500, upload.Summary.Rows.Read);
        Assert.Equal(2, record.GetInt32("Chunks"));
        var staged = await system.StagedRowsAsync(record.RowKey);
        Assert.Equal(1_500, staged.Count);
        Assert.DoesNotContain(staged.SelectMany(row => row["cells"]!.AsArray()), cell => cell!["e"] is not null);
        var npps = staged.Select(row => (string?)row["cells"]!.AsArray().Single(cell => (string?)cell!["f"] == "npp")!["v"]).ToList();
        Assert.Equal(1_500, npps.Distinct().Count());
        Assert.All(npps, npp => Assert.Matches("^[0-9]{8}$", npp));
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int RowOf(JsonObject cell) => int.Parse(((string)cell["c"]!).TrimStart((char[])[.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]), System.Globalization.CultureInfo.InvariantCulture);
}
