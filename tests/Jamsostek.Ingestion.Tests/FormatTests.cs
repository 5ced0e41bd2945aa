using System.Text;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Every accepted format (.xlsx, legacy .xls, .csv with , or ; in UTF-8 with or without BOM or in Windows-1252)
/// carries the same sheet through: kind recognised, header found below the title, each value staged parsed at its
/// cell address, accented names intact.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class FormatTests(IngestionSystem system)
{
    private const string Title = "DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025";

    public static TheoryData<string> Formats => ["xlsx", "xls", "csv-comma-utf8", "csv-comma-utf8-bom", "csv-semicolon-utf8-bom", "csv-semicolon-windows-1252"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task EnrolmentsAreStagedParsedAtTheirCellAddressesInEveryFormat(string format)
    {
        var niks = new[]
        {
            NikGenerator.Create("5204", new DateOnly(1990, 10, 5), female: true, sequence: 1),
            NikGenerator.Create("5204", new DateOnly(1985, 3, 17), female: false, sequence: 2),
            NikGenerator.Create("5204", new DateOnly(2001, 12, 31), female: true, sequence: 3),
        };
        object?[][] workers =
        [
            [1, niks[0], "Siti Aminah", "Sumbawa Besar", new DateOnly(1990, 10, 5), "P", "Jl. Garuda No. 5", "Seketeng", "Sumbawa", "0812-3456-7890", "Petani", "PKS/001/BPJS-SBW/2025", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 1_500_000],
            [2, niks[1], "André Wéa", "Moyo", new DateOnly(1985, 3, 17), "L", "Dusun Olat", "Moyo", "Moyo Hilir", "081299998888", "Nelayan", "PKS/001/BPJS-SBW/2025", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 2_250_000],
            [3, niks[2], "Nurhayatï Dhaé", "Alas", new DateOnly(2001, 12, 31), "P", "Jl. Pasar", "Labuhan Alas", "Alas", "+62 813 1111 2222", "Tukang Ojek", "PKS/001/BPJS-SBW/2025", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 900_000],
        ];
        IEnumerable<object?[]> rows = [[Title], [], EnrolmentSheet.HeaderRow(), .. workers];
        var (fileName, content) = Write(format, "peserta-" + format, "Daftar Peserta", rows);

        var upload = await system.IngestAsync("5204", fileName, content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("enrolments", upload.Summary.Kind);
        Assert.Equal(RecordFormat(format), upload.Record.GetString("Format"));
        Assert.Equal(format.StartsWith("csv", StringComparison.Ordinal) ? fileName : "Daftar Peserta", upload.Record.GetString("Sheet"));
        Assert.Equal(3, upload.Count("HeaderRow"));
        Assert.Equal(3, upload.Summary.Rows.Read);
        Assert.Equal(0, upload.Summary.Rows.Blank);

        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal([4, 5, 6], staged.Select(r => r.Number()));

        var first = staged.Row(4);
        AssertCell(first, "nik", "B4", niks[0]);
        AssertCell(first, "full_name", "C4", "Siti Aminah");
        AssertCell(first, "birth_place", "D4", "Sumbawa Besar");
        AssertCell(first, "birth_date", "E4", "1990-10-05");
        Assert.Equal("05/10/1990", first.Cell("birth_date").Typed());
        AssertCell(first, "gender", "F4", "P");
        AssertCell(first, "address", "G4", "Jl. Garuda No. 5");
        AssertCell(first, "village", "H4", "Seketeng");
        AssertCell(first, "district", "I4", "Sumbawa");
        AssertCell(first, "phone", "J4", "+6281234567890");
        AssertCell(first, "occupation", "K4", "petani");
        AssertCell(first, "agreement_no", "L4", "PKS/001/BPJS-SBW/2025");
        AssertCell(first, "coverage_start", "M4", "2025-10-01");
        AssertCell(first, "coverage_end", "N4", "2025-12-31");
        AssertCell(first, "monthly_income_idr", "O4", "1500000");
        // "No" is no field of the template: kept as an extra column for the rejected-rows file.
        var extra = Assert.Single(first["extra"]!.AsArray())!.AsObject();
        Assert.Equal("No", extra["h"]!.GetValue<string>());
        Assert.Equal("A4", extra["c"]!.GetValue<string>());

        var second = staged.Row(5);
        AssertCell(second, "nik", "B5", niks[1]);
        AssertCell(second, "full_name", "C5", "André Wéa");
        AssertCell(second, "gender", "F5", "L");
        AssertCell(second, "occupation", "K5", "nelayan");
        AssertCell(second, "monthly_income_idr", "O5", "2250000");

        var third = staged.Row(6);
        AssertCell(third, "nik", "B6", niks[2]);
        AssertCell(third, "full_name", "C6", "Nurhayatï Dhaé");
        AssertCell(third, "birth_date", "E6", "2001-12-31");
        AssertCell(third, "phone", "J6", "+6281311112222");
        AssertCell(third, "occupation", "K6", "ojek");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AgreementsAreRecognisedAsAgreementsInEveryFormat(string format)
    {
        IEnumerable<object?[]> rows =
        [
            ["PERJANJIAN KERJA SAMA PERLINDUNGAN PEKERJA RENTAN"],
            ["PEMERINTAH KABUPATEN SUMBAWA"],
            [],
            AgreementSheet.HeaderRow(),
            AgreementSheet.Row("PKS/001/BPJS-SBW/2025", signedOn: new DateOnly(2025, 9, 15), coverageStart: new DateOnly(2025, 10, 1),
                coverageEnd: new DateOnly(2025, 12, 31), budget: 1_500_000_000L, targetParticipants: 5_600, monthlyContribution: 16_800,
                legalBasis: "Perbup No. 33 Tahun 2024"),
            AgreementSheet.Row("MoU/07/SBW/2025", type: "MoU", regionCode: "52.04", signedOn: "1 Agustus 2025", coverageStart: "1 Agustus 2025",
                coverageEnd: "31 Juli 2026", fundingSource: "APBDes", budget: "Rp 250.000.000", targetParticipants: "1.200"),
        ];
        var (fileName, content) = Write(format, "perjanjian-" + format, "Perjanjian", rows);

        var upload = await system.IngestAsync("5204", fileName, content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("agreements", upload.Summary.Kind);
        Assert.Equal(RecordFormat(format), upload.Record.GetString("Format"));
        Assert.Equal(4, upload.Count("HeaderRow"));
        Assert.Equal(2, upload.Summary.Rows.Read);

        var staged = await system.StagedRowsAsync(upload.UploadId);
        var pks = staged.Row(5);
        AssertCell(pks, "agreement_no", "A5", "PKS/001/BPJS-SBW/2025");
        AssertCell(pks, "agreement_type", "B5", "PKS");
        AssertCell(pks, "region_code", "C5", "5204");
        AssertCell(pks, "branch_office", "E5", "Sumbawa");
        AssertCell(pks, "signed_on", "F5", "2025-09-15");
        AssertCell(pks, "coverage_start", "G5", "2025-10-01");
        AssertCell(pks, "coverage_end", "H5", "2025-12-31");
        AssertCell(pks, "funding_source", "I5", "APBD");
        AssertCell(pks, "budget_idr", "J5", "1500000000");
        AssertCell(pks, "target_participants", "K5", "5600");
        AssertCell(pks, "monthly_contribution_idr", "O5", "16800");
        AssertCell(pks, "legal_basis", "P5", "Perbup No. 33 Tahun 2024");

        var mou = staged.Row(6);
        AssertCell(mou, "agreement_type", "B6", "MoU");
        AssertCell(mou, "region_code", "C6", "5204");
        AssertCell(mou, "coverage_start", "G6", "2025-08-01");
        AssertCell(mou, "coverage_end", "H6", "2026-07-31");
        AssertCell(mou, "funding_source", "I6", "APBDes");
        AssertCell(mou, "budget_idr", "J6", "250000000");
        AssertCell(mou, "target_participants", "K6", "1200");
    }

    [Fact]
    public async Task AccentedNamesOfAWindows1252CsvComeOutRight()
    {
        var upload = await system.IngestAsync("5204", "peserta-excel-ansi.csv", HostileFiles.Windows1252Csv());

        Assert.Equal("validating", upload.Status);
        Assert.Equal(20, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(HostileFiles.Windows1252Names, staged.Take(4).Select(r => r.Cell("full_name").Value()));
        Assert.Equal(HostileFiles.Windows1252Names, staged.Take(4).Select(r => r.Cell("full_name").Typed()));
        Assert.Equal(["C2", "C3", "C4", "C5"], staged.Take(4).Select(r => r.Cell("full_name").Address()));
    }

    private static void AssertCell(System.Text.Json.Nodes.JsonObject row, string field, string address, string value)
    {
        var cell = row.Cell(field);
        Assert.Equal(address, cell.Address());
        Assert.Null(cell.Error());
        Assert.Equal(value, cell.Value());
    }

    private static string RecordFormat(string format) => format.StartsWith("csv", StringComparison.Ordinal) ? "csv" : format;

    /// <summary>The rows in one of the formats, under a file name with its extension.</summary>
    internal static (string FileName, byte[] Content) Write(string format, string name, string sheet, IEnumerable<object?[]> rows) => format switch
    {
        "xlsx" => (name + ".xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec(sheet, rows))),
        "xls" => (name + ".xls", SpreadsheetWriter.XlsBytes(new SheetSpec(sheet, rows))),
        "csv-comma-utf8" => (name + ".csv", SpreadsheetWriter.CsvBytes(rows, ',')),
        "csv-comma-utf8-bom" => (name + ".csv", SpreadsheetWriter.CsvBytes(rows, ',', Encoding.UTF8, byteOrderMark: true)),
        "csv-semicolon-utf8-bom" => (name + ".csv", SpreadsheetWriter.CsvBytes(rows, ';', Encoding.UTF8, byteOrderMark: true)),
        "csv-semicolon-windows-1252" => (name + ".csv", SpreadsheetWriter.CsvBytes(rows, ';', SpreadsheetWriter.Windows1252)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
