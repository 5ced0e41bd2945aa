using System.Text;
using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using Xunit.Abstractions;
using static Jamsostek.TestData.EnrolmentSheet;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Files that are readable but unusable as a whole: too large, no header, a header missing or repeating a column,
/// no rows, another region's agreements, an upload folder that is no region. Rejected with the reason, nothing kept.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class RejectedUploadTests(IngestionSystem system, ITestOutputHelper output)
{
    private const string Pks = "PKS/001/BPJS-SBW/2025";
    private const int MaxFileBytes = 52_428_800;
    private static readonly DateOnly Start = new(2025, 10, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public async Task CsvOneByteOverFiftyMebibytesIsRejectedAsTooLarge()
    {
        var upload = await system.IngestAsync("5204", "peserta-besar.csv", PaddedCsv(MaxFileBytes + 1, seed: 201));

        await system.AssertRejectedAsync(upload, "FILE_TOO_LARGE", "terlalu besar (50,1 MB)", "Batasnya 50 MB");
    }

    [Fact]
    public async Task CsvOfExactlyFiftyMebibytesIsRead()
    {
        var content = PaddedCsv(MaxFileBytes, seed: 202);
        var memory = ProcessMemory.StartMeasuring(system.WorkerProcessId);

        var upload = await system.IngestAsync("5204", "peserta-pas.csv", content);

        // The content goes from the request to a temporary file as it arrives: never whole in the worker's memory.
        // Holding it would take the file plus its base64 text (about 180 MB); streaming grew by about 36 MiB here.
        if (memory?.PeakBytes() is { } peak)
        {
            var growth = peak - memory.BaselineBytes;
            output.WriteLine($"worker peak working set {peak / 1_048_576.0:0} MiB (VmHWM), {growth / 1_048_576.0:0} MiB over its {memory.BaselineBytes / 1_048_576.0:0} MiB before, for a {MaxFileBytes / 1_048_576} MiB upload");
            Assert.True(growth < 2L * MaxFileBytes, $"The worker's working set grew by {growth / 1_048_576} MiB.");
        }
        Assert.Equal("validating", upload.Status);
        Assert.Equal(MaxFileBytes, upload.Record.GetInt64("ContentLength"));
        Assert.Equal(3, upload.Summary.Rows.Read);
        Assert.Equal(0, upload.Summary.Rows.Blank);
        Assert.Single(await system.DrainChunkMessagesAsync(upload.UploadId));
    }

    [Fact]
    public async Task SheetWithoutARecognisableHeaderIsRejectedWithHeaderNotFound()
    {
        object?[][] rows =
        [
            ["REKAP KEGIATAN DESA"],
            ["Kegiatan", "Lokasi", "Biaya"],
            ["Gotong royong", "Seketeng", 150_000],
            ["Posyandu", "Moyo", 75_000],
        ];
        var upload = await system.IngestAsync("5204", "rekap.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Rekap", rows)));

        await system.AssertRejectedAsync(upload, "HEADER_NOT_FOUND", "Baris judul kolom tidak ditemukan", "NIK, Nama, Tanggal Lahir");
    }

    [Fact]
    public async Task HeaderWithoutARequiredColumnIsRejectedNamingTheColumn()
    {
        var header = HeaderRow().Where((_, i) => i != Columns.BirthDate).ToArray();
        var workers = Rows(3, "5204", Pks, Start, End, seed: 203).Select(r => r.Where((_, i) => i != Columns.BirthDate).ToArray());
        var upload = await system.IngestAsync("5204", "peserta-tanpa-tgl-lahir.xlsx",
            SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithTitle([header, .. workers], Title("5204", 2025)))));

        await system.AssertRejectedAsync(upload, "HEADER_MISSING_COLUMN", "Kolom wajib \"Tanggal Lahir\"", "baris 3");
        Assert.StartsWith("Required column \"Tanggal Lahir\" was not found in the header row (row 3).", upload.SummaryEn.RejectionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisibleSheetWithAHeaderMissingAColumnIsRejectedRatherThanAHiddenSheetRead()
    {
        // The office's sheet lacks a column; an old list kept hidden in the workbook must not be read in its place.
        var header = HeaderRow().Where((_, i) => i != Columns.BirthDate).ToArray();
        var workers = Rows(3, "5204", Pks, Start, End, seed: 207).Select(r => r.Where((_, i) => i != Columns.BirthDate).ToArray());
        SheetSpec[] sheets =
        [
            new("Daftar Peserta", [header, .. workers]),
            new("Data 2024", WithHeader(Rows(5, "5204", "PKS/009/BPJS-SBW/2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), seed: 208)), Hidden: true),
        ];
        var upload = await system.IngestAsync("5204", "peserta-dan-lama.xlsx", SpreadsheetWriter.XlsxBytes(sheets));

        await system.AssertRejectedAsync(upload, "HEADER_MISSING_COLUMN", "Kolom wajib \"Tanggal Lahir\"");
    }

    [Fact]
    public async Task HeaderWithAColumnTwiceIsRejectedNamingBothCells()
    {
        object?[] header = [.. HeaderRow(), "No. KTP"];
        var workers = Rows(3, "5204", Pks, Start, End, seed: 204).Select(r => (object?[])[.. r, r[Columns.Nik]]);
        var upload = await system.IngestAsync("5204", "peserta-nik-dua-kali.xlsx", SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", [header, .. workers])));

        await system.AssertRejectedAsync(upload, "HEADER_DUPLICATE_COLUMN", "muncul dua kali", "B1", "P1");
    }

    [Fact]
    public async Task HeaderWithoutRowsBelowIsRejectedAsEmpty()
    {
        var upload = await system.IngestAsync("5204", "peserta-kosong.xlsx",
            SpreadsheetWriter.XlsxBytes(new SheetSpec("Peserta", WithTitle([HeaderRow()], Title("5204", 2025)))));

        await system.AssertRejectedAsync(upload, "FILE_EMPTY", "kosong");
    }

    [Fact]
    public async Task AgreementOfAnotherRegionIsRejectedWithRegionMismatchAtItsCell()
    {
        object?[][] agreements =
        [
            AgreementSheet.Row("PKS/001/SBW/2025", coverageStart: "1 Oktober 2025", coverageEnd: "31 Desember 2025"),
            AgreementSheet.Row("PKS/014/NGK/2025", regionCode: "5316", coverageStart: "1 Januari 2025", coverageEnd: "31 Desember 2025"),
        ];
        var upload = await system.IngestAsync("5204", "pks-campur.xlsx", SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(agreements)));

        await system.AssertRejectedAsync(upload, "REGION_MISMATCH", "5316", "sel C3", "5204");
        Assert.StartsWith("Region code 5316 in cell C3 differs from the upload folder's region (5204).", upload.SummaryEn.RejectionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgreementOfAnotherRegionFarDownTheSheetLeavesNothingStaged()
    {
        // More rows than a chunk holds come before the one from another region: whatever was staged goes.
        var agreements = Enumerable.Range(1, 1_500).Select(i =>
            AgreementSheet.Row($"PKS/{i:0000}/SBW/2025", regionCode: i == 1_400 ? "5316" : "5204", coverageStart: "1 Oktober 2025", coverageEnd: "31 Desember 2025"));
        var upload = await system.IngestAsync("5204", "pks-banyak.csv", SpreadsheetWriter.CsvBytes(AgreementSheet.WithHeader([.. agreements])));

        await system.AssertRejectedAsync(upload, "REGION_MISMATCH", "sel C1401");
    }

    [Fact]
    public async Task CsvRowWithTooManyColumnsFarDownLeavesNothingStaged()
    {
        var rows = WithHeader(Rows(1_200, "5204", Pks, Start, End, seed: 205)).ToList();
        rows[1_150] = [.. rows[1_150], .. Enumerable.Repeat<object?>("x", 1_000)];
        var upload = await system.IngestAsync("5204", "peserta-kolom-liar.csv", SpreadsheetWriter.CsvBytes(rows));

        await system.AssertRejectedAsync(upload, "FILE_UNREADABLE", "kolom");
    }

    [Fact]
    public async Task UploadFolderThatIsNotARegionCodeIsRejectedNamingTheFolder()
    {
        var content = SpreadsheetWriter.XlsxBytes(Sheet(3, "5204", Pks, Start, End, seed: 206));
        var upload = await system.IngestAsync("sumbawa", "peserta.xlsx", content);

        await system.AssertRejectedAsync(upload, "REGION_MISMATCH", "\"sumbawa\"", "bukan kode wilayah");
    }

    /// <summary>
    /// A UTF-8 enrolment CSV of exactly <paramref name="length"/> bytes: header and three rows, then line breaks
    /// (empty lines an export can leave behind) up to the length.
    /// </summary>
    private static byte[] PaddedCsv(int length, int seed)
    {
        var rows = SpreadsheetWriter.CsvBytes(WithHeader(Rows(3, "5204", Pks, Start, End, seed)));
        var content = new byte[length];
        rows.CopyTo(content, 0);
        for (var i = rows.Length; i < length; i++)
        {
            content[i] = (i - rows.Length) % 2 == 0 ? (byte)'\r' : (byte)'\n';
        }
        return content;
    }
}
