using System.Text.Json.Nodes;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using static Jamsostek.TestData.EnrolmentSheet;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Sheets as offices fill them: title rows and merged titles, NIKs typed as numbers, dates and amounts in every
/// spelling, headings in other words and case, formulas, hidden sheets, blank rows between the data.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class MessySheetTests(IngestionSystem system)
{
    private const string Pks = "PKS/001/BPJS-SBW/2025";
    private static readonly DateOnly Start = new(2025, 10, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task MergedTitleRowsAboveTheHeaderAreSkippedAndRowsKeepTheirSheetNumbers(string format)
    {
        var workers = Rows(5, "5204", Pks, Start, End, seed: format == "xlsx" ? 101 : 102).ToList();
        var sheet = new SheetSpec("Daftar Peserta", WithTitle(WithHeader(workers), Title("5204", 2025), "KECAMATAN MOYO HILIR"), MergedRanges: TitleMerges(2));
        var content = format == "xlsx" ? SpreadsheetWriter.XlsxBytes(sheet) : SpreadsheetWriter.XlsBytes(sheet);

        var upload = await system.IngestAsync("5204", $"peserta-judul.{format}", content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal(4, upload.Count("HeaderRow"));
        Assert.Equal(5, upload.Summary.Rows.Read);
        Assert.Equal(0, upload.Summary.Rows.Blank);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal([5, 6, 7, 8, 9], staged.Select(r => r.Number()));
        for (var i = 0; i < workers.Count; i++)
        {
            Assert.Equal($"B{5 + i}", staged[i].Cell("nik").Address());
            Assert.Equal((string)workers[i][Columns.Nik]!, staged[i].Cell("nik").Value());
        }
    }

    [Fact]
    public async Task NikTypedAsANumberIsStagedWithPrecisionLostAtItsCell()
    {
        var workers = Rows(4, "5204", Pks, Start, End, seed: 103).ToList();
        var typedAsText = (string)workers[2][Columns.Nik]!;
        workers[0][Columns.Nik] = double.Parse((string)workers[0][Columns.Nik]!, System.Globalization.CultureInfo.InvariantCulture);
        workers[1][Columns.Nik] = 520401451090000d; // 15 digits: a NIK with a digit missing, typed as a number
        workers[2][Columns.Nik] = "'" + typedAsText; // Excel's "this is text" mark

        var upload = await system.IngestAsync("5204", "peserta-nik-angka.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithHeader(workers))));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(4, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        var lost = staged.Row(2).Cell("nik");
        Assert.Equal("B2", lost.Address());
        Assert.Equal("NIK_PRECISION_LOST", lost.Error());
        Assert.Null(lost["v"]);
        var short15 = staged.Row(3).Cell("nik");
        Assert.Equal("B3", short15.Address());
        Assert.Equal("NIK_FORMAT", short15.Error());
        Assert.Equal("520401451090000", short15.Typed());
        Assert.Equal(typedAsText, staged.Row(4).Cell("nik").Value());
        Assert.Equal((string)workers[3][Columns.Nik]!, staged.Row(5).Cell("nik").Value());
    }

    [Fact]
    public async Task NikThatExcelExportedToCsvInScientificNotationIsStagedWithPrecisionLost()
    {
        var workers = Rows(2, "5204", Pks, Start, End, seed: 104).ToList();
        workers[1][Columns.Nik] = "5,20401E+15";

        var upload = await system.IngestAsync("5204", "peserta-nik-ilmiah.csv", SpreadsheetWriter.CsvBytes(WithHeader(workers), ';'));

        var staged = await system.StagedRowsAsync(upload.UploadId);
        var lost = staged.Row(3).Cell("nik");
        Assert.Equal("B3", lost.Address());
        Assert.Equal("5,20401E+15", lost.Typed());
        Assert.Equal("NIK_PRECISION_LOST", lost.Error());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    [InlineData("csv")]
    public async Task DatesInEveryOfficeSpellingAndAsExcelSerialsAreStagedAsIsoDates(string format)
    {
        object[] spellings = ["28/10/2025", "28-10-2025", "2025-10-28", "28 Oktober 2025", "28 Okt 2025", new DateOnly(2025, 10, 28), 45958, "45958"];
        var workers = Rows(spellings.Length, "5204", Pks, Start, End, seed: 105).ToList();
        for (var i = 0; i < spellings.Length; i++)
        {
            workers[i][Columns.CoverageStart] = spellings[i];
        }
        var (fileName, content) = FormatTests.Write(format == "csv" ? "csv-comma-utf8" : format, "peserta-tanggal", "Peserta", WithHeader(workers));

        var upload = await system.IngestAsync("5204", fileName, content);

        Assert.Equal("validating", upload.Status);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(spellings.Length, staged.Count);
        for (var i = 0; i < spellings.Length; i++)
        {
            var cell = staged.Row(i + 2).Cell("coverage_start");
            Assert.Equal($"M{i + 2}", cell.Address());
            Assert.True(cell.Error() is null, $"{spellings[i]} ({format}) gave {cell.ToJsonString()}");
            Assert.Equal("2025-10-28", cell.Value());
        }
    }

    [Fact]
    public async Task DateThatDoesNotExistIsStagedWithDateFormatAtItsCell()
    {
        var workers = Rows(2, "5204", Pks, Start, End, seed: 106).ToList();
        workers[1][Columns.BirthDate] = "31/02/1990";

        var upload = await system.IngestAsync("5204", "peserta-tanggal-salah.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithHeader(workers))));

        var cell = (await system.StagedRowsAsync(upload.UploadId)).Row(3).Cell("birth_date");
        Assert.Equal("E3", cell.Address());
        Assert.Equal("31/02/1990", cell.Typed());
        Assert.Equal("DATE_FORMAT", cell.Error());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task RupiahAmountsAsOfficesTypeThemAreStagedAsWholeRupiah(string format)
    {
        object[] budgets = ["Rp 1.500.000.000", "1,5 miliar", 1_500_000_000L, "Rp1.500.000.000,00", "Rp 1,5 M", "1500 juta"];
        var agreements = budgets.Select((budget, i) => AgreementSheet.Row($"PKS/{i + 1:000}/SBW/2025", coverageStart: "1 Oktober 2025",
            coverageEnd: "31 Desember 2025", budget: budget, monthlyContribution: "16.800")).ToArray();
        var (fileName, content) = FormatTests.Write(format == "csv" ? "csv-semicolon-utf8-bom" : format, "perjanjian-anggaran", "PKS", AgreementSheet.WithHeader(agreements));

        var upload = await system.IngestAsync("5204", fileName, content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("agreements", upload.Summary.Kind);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        for (var i = 0; i < budgets.Length; i++)
        {
            var budget = staged.Row(i + 2).Cell("budget_idr");
            Assert.Equal($"J{i + 2}", budget.Address());
            Assert.Equal("1500000000", budget.Value());
            Assert.Equal("16800", staged.Row(i + 2).Cell("monthly_contribution_idr").Value());
        }
    }

    [Fact]
    public async Task GendersAreStagedAsLOrP()
    {
        string[] written = ["L", "P", "Laki-laki", "Perempuan", "laki laki", "PEREMPUAN", " p "];
        string[] staged = ["L", "P", "L", "P", "L", "P", "P"];
        var rows = await StageColumnAsync(Columns.Gender, written, "peserta-kelamin.xlsx", seed: 107);

        Assert.Equal(staged, rows.Select(r => r.Cell("gender").Value()));
        Assert.Equal(written.Select((_, i) => $"F{i + 2}"), rows.Select(r => r.Cell("gender").Address()));
    }

    [Fact]
    public async Task OccupationsAreMappedToCanonicalCategories()
    {
        string[] written =
        [
            "Petani/Pekebun", "Tukang Ojek", "BHL", "Buruh Harian Lepas", "Honorer", "Tenaga Kontrak", "PTT", "Non ASN", "  NELAYAN ",
            "Pedagang Kaki Lima", "Kader Posyandu", "Kepala Dusun",
        ];
        string[] categories =
        [
            "petani", "ojek", "buruh_harian_lepas", "buruh_harian_lepas", "non_asn", "non_asn", "non_asn", "non_asn", "nelayan",
            "pedagang", "kader_posyandu", "perangkat_desa",
        ];
        var rows = await StageColumnAsync(Columns.Occupation, written, "peserta-pekerjaan.xlsx", seed: 108);

        Assert.Equal(categories, rows.Select(r => r.Cell("occupation").Value()));
        Assert.Equal(written.Select((_, i) => $"K{i + 2}"), rows.Select(r => r.Cell("occupation").Address()));
    }

    [Fact]
    public async Task UnknownOccupationIsStagedWithTheClosestCategorySuggested()
    {
        var rows = await StageColumnAsync(Columns.Occupation, ["Petanii", "Pilot Pesawat"], "peserta-pekerjaan-asing.xlsx", seed: 109);

        var typo = rows[0].Cell("occupation");
        Assert.Equal("OCCUPATION_UNKNOWN", typo.Error());
        Assert.Contains("petani", typo["p"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Petanii", typo.Typed());
        Assert.Equal("OCCUPATION_UNKNOWN", rows[1].Cell("occupation").Error());
    }

    [Fact]
    public async Task EnrolmentHeadingsInOtherCasePunctuationAndWordsAreRecognised()
    {
        object?[] header = ["NO.", "NIK (16 digit) *", "NAMA\nLENGKAP", "tgl. lahir", "jenis_kelamin", "Desa / Kel", "KEC.", "No. HP / WA", "Jenis  Pekerjaan", "No. PKS", "Keterangan"];
        var nik = NikGenerator.Create("5204", new DateOnly(1979, 2, 14), female: false, sequence: 7);
        object?[] worker = [1, nik, "AHMAD  bin ABDULLAH", "14-02-1979", "Laki-laki", "Seketeng", "Sumbawa", "081234567890", "Petani", Pks, "pindahan"];

        var upload = await system.IngestAsync("5204", "peserta-judul-lain.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Sheet1", [header, worker])));

        Assert.Equal("validating", upload.Status);
        Assert.Equal("enrolments", upload.Summary.Kind);
        var row = (await system.StagedRowsAsync(upload.UploadId)).Row(2);
        Assert.Equal(("B2", nik), (row.Cell("nik").Address(), row.Cell("nik").Value()));
        Assert.Equal(("C2", "Ahmad bin Abdullah"), (row.Cell("full_name").Address(), row.Cell("full_name").Value()));
        Assert.Equal(("D2", "1979-02-14"), (row.Cell("birth_date").Address(), row.Cell("birth_date").Value()));
        Assert.Equal(("E2", "L"), (row.Cell("gender").Address(), row.Cell("gender").Value()));
        Assert.Equal(("F2", "Seketeng"), (row.Cell("village").Address(), row.Cell("village").Value()));
        Assert.Equal(("G2", "Sumbawa"), (row.Cell("district").Address(), row.Cell("district").Value()));
        Assert.Equal(("H2", "+6281234567890"), (row.Cell("phone").Address(), row.Cell("phone").Value()));
        Assert.Equal(("I2", "petani"), (row.Cell("occupation").Address(), row.Cell("occupation").Value()));
        Assert.Equal(("J2", Pks), (row.Cell("agreement_no").Address(), row.Cell("agreement_no").Value()));
        var extras = row["extra"]!.AsArray().Select(e => (e!["h"]!.GetValue<string>(), e["c"]!.GetValue<string>())).ToList();
        Assert.Equal([("NO.", "A2"), ("Keterangan", "K2")], extras);
    }

    [Fact]
    public async Task AgreementHeadingsInOtherWordsAreRecognised()
    {
        object?[] header = ["nomor mou", "JENIS PERJANJIAN", "Kode Kab/Kota", "Tgl. TTD", "Periode Mulai", "Periode Selesai", "Nilai Anggaran (Rp)", "TARGET PESERTA"];
        object?[] agreement = ["MoU/12/NGK/2025", "mou", 5316, "2 Januari 2025", "01/01/2025", "31/12/2025", "Rp 1.500.000.000", 9345];

        var upload = await system.IngestAsync("5316", "mou-nagekeo.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("MoU", [header, agreement])));

        Assert.Equal("validating", upload.Status);
        Assert.Equal("agreements", upload.Summary.Kind);
        var row = (await system.StagedRowsAsync(upload.UploadId)).Row(2);
        Assert.Equal(("A2", "MoU/12/NGK/2025"), (row.Cell("agreement_no").Address(), row.Cell("agreement_no").Value()));
        Assert.Equal(("B2", "MoU"), (row.Cell("agreement_type").Address(), row.Cell("agreement_type").Value()));
        Assert.Equal(("C2", "5316"), (row.Cell("region_code").Address(), row.Cell("region_code").Value()));
        Assert.Equal(("D2", "2025-01-02"), (row.Cell("signed_on").Address(), row.Cell("signed_on").Value()));
        Assert.Equal(("E2", "2025-01-01"), (row.Cell("coverage_start").Address(), row.Cell("coverage_start").Value()));
        Assert.Equal(("F2", "2025-12-31"), (row.Cell("coverage_end").Address(), row.Cell("coverage_end").Value()));
        Assert.Equal(("G2", "1500000000"), (row.Cell("budget_idr").Address(), row.Cell("budget_idr").Value()));
        Assert.Equal(("H2", "9345"), (row.Cell("target_participants").Address(), row.Cell("target_participants").Value()));
    }

    [Fact]
    public async Task FormulaCellsAreReadByTheirCachedValues()
    {
        var workers = Rows(2, "5204", Pks, Start, End, seed: 110).ToList();
        var xlsx = SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithHeader(workers)));
        xlsx = XlsxEdit.ReplaceCell(xlsx, "C2", "t=\"str\"", "<f>PROPER(\"siti aminah\")</f><v>Siti Aminah</v>");
        xlsx = XlsxEdit.ReplaceCell(xlsx, "M2", "s=\"1\"", "<f>DATE(2025,10,28)</f><v>45958</v>");
        xlsx = XlsxEdit.ReplaceCell(xlsx, "O2", "", "<f>1000000+500000</f><v>1500000</v>");
        xlsx = XlsxEdit.ReplaceCell(xlsx, "K3", "t=\"str\"", "<f>IF(1=1,\"Tukang Ojek\",\"\")</f><v>Tukang Ojek</v>");

        var upload = await system.IngestAsync("5204", "peserta-rumus.xlsx", xlsx);

        Assert.Equal("validating", upload.Status);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal("Siti Aminah", staged.Row(2).Cell("full_name").Value());
        Assert.Equal("2025-10-28", staged.Row(2).Cell("coverage_start").Value());
        Assert.Equal("1500000", staged.Row(2).Cell("monthly_income_idr").Value());
        Assert.Equal("ojek", staged.Row(3).Cell("occupation").Value());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task HiddenSheetIsSkippedWhenAVisibleSheetHasAHeader(string format)
    {
        SheetSpec[] sheets =
        [
            new("Data Lama", WithHeader(Rows(4, "5204", Pks, Start, End, seed: 111)), Hidden: true),
            new("Petunjuk", [["Isi data peserta di lembar berikutnya."], ["Kolom NIK diformat sebagai teks."]]),
            new("Daftar Peserta", WithHeader(Rows(2, "5204", Pks, Start, End, seed: format == "xlsx" ? 112 : 113))),
        ];
        var content = format == "xlsx" ? SpreadsheetWriter.XlsxBytes(sheets) : SpreadsheetWriter.XlsBytes(sheets);

        var upload = await system.IngestAsync("5204", $"peserta-lembar-tersembunyi.{format}", content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("Daftar Peserta", upload.Record.GetString("Sheet"));
        Assert.Equal(2, upload.Summary.Rows.Read);
        Assert.Equal(2, (await system.StagedRowsAsync(upload.UploadId)).Count);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task HiddenSheetIsUsedWhenItIsTheOnlyOneWithAHeader(string format)
    {
        var workers = Rows(3, "5204", Pks, Start, End, seed: format == "xlsx" ? 114 : 115).ToList();
        SheetSpec[] sheets =
        [
            new("Petunjuk", [["PETUNJUK PENGISIAN"], ["Data peserta ada di lembar Data."]]),
            new("Data", WithHeader(workers), Hidden: true),
        ];
        var content = format == "xlsx" ? SpreadsheetWriter.XlsxBytes(sheets) : SpreadsheetWriter.XlsBytes(sheets);

        var upload = await system.IngestAsync("5204", $"peserta-hanya-tersembunyi.{format}", content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal("Data", upload.Record.GetString("Sheet"));
        Assert.Equal(3, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(workers.Select(w => (string)w[Columns.Nik]!), staged.Select(r => r.Cell("nik").Value()));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task BlankRowsBetweenDataRowsAreCountedAndNotStaged(string format)
    {
        var workers = Rows(3, "5204", Pks, Start, End, seed: format == "xlsx" ? 116 : 117).ToList();
        object?[] spaces = ["", "  ", null, " "];
        // Header 1; data 2, 5, 7; blank 3, 4 (spaces only) and 6; a blank tail that is no part of the data.
        IEnumerable<object?[]> rows = [HeaderRow(), workers[0], [], spaces, workers[1], [], workers[2], [], []];
        var (fileName, content) = FormatTests.Write(format == "csv" ? "csv-comma-utf8" : format, "peserta-baris-kosong", "Peserta", rows);

        var upload = await system.IngestAsync("5204", fileName, content);

        Assert.Equal("validating", upload.Status);
        Assert.Equal(3, upload.Summary.Rows.Read);
        Assert.Equal(3, upload.Summary.Rows.Blank);
        Assert.Equal(3, upload.Count("RowsChunked"));
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal([2, 5, 7], staged.Select(r => r.Number()));
        Assert.Equal(["B2", "B5", "B7"], staged.Select(r => r.Cell("nik").Address()));
    }

    [Fact]
    public async Task RegionWrittenDottedOrAsANumberIsTheUploadFoldersRegion()
    {
        object?[][] agreements =
        [
            AgreementSheet.Row("PKS/01/SBD/2025", regionCode: null, coverageStart: "1 Oktober 2025", coverageEnd: "31 Desember 2025"),
            AgreementSheet.Row("PKS/02/SBD/2025", regionCode: "53.18", coverageStart: "1 Oktober 2025", coverageEnd: "31 Desember 2025"),
        ];
        agreements[0][2] = 5318d;

        var upload = await system.IngestAsync("5318", "pks-sbd.xlsx", SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(agreements)));

        Assert.Equal("validating", upload.Status);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(["5318", "5318"], staged.Select(r => r.Cell("region_code").Value()));
    }

    /// <summary>An enrolment sheet whose column holds the given texts, one per row from row 2; returns the staged rows.</summary>
    private async Task<IReadOnlyList<JsonObject>> StageColumnAsync(int column, string[] values, string fileName, int seed)
    {
        var workers = Rows(values.Length, "5204", Pks, Start, End, seed).ToList();
        for (var i = 0; i < values.Length; i++)
        {
            workers[i][column] = values[i];
        }
        var upload = await system.IngestAsync("5204", fileName, SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithHeader(workers))));
        Assert.Equal("validating", upload.Status);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        Assert.Equal(values.Length, staged.Count);
        return staged;
    }
}
