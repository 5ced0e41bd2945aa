using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using Xunit.Abstractions;
using static Jamsostek.TestData.EnrolmentSheet;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// The text reading a file produces is bounded, not only the file's size: a cell at Excel's limit of 32,767
/// characters, a row, a chunk of rows and the whole upload in bytes. A small file that unpacks to gigabytes of
/// text is rejected, with the reason, in bounded memory.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class TextBudgetTests(IngestionSystem system, ITestOutputHelper output)
{
    private const string Pks = "PKS/001/BPJS-SBW/2025";
    private static readonly DateOnly Start = new(2025, 10, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public async Task SharedStringReferencedByEveryCellIsRejectedAsTooMuchTextInBoundedMemory()
    {
        var content = HostileFiles.SharedStringAmplification();
        Assert.True(content.Length < 250_000, $"the file is {content.Length:N0} bytes");
        var memory = ProcessMemory.StartMeasuring(system.WorkerProcessId);

        var upload = await system.IngestAsync("5204", "peserta-teks-berulang.xlsx", content);

        // 5,000 rows of 15 cells of 30,000 characters would be 2.25 GB of text; the first 16 MiB chunk ends it.
        await system.AssertRejectedAsync(upload, "FILE_TOO_LARGE", "terlalu banyak teks", "per 1.000 baris");
        Assert.Contains("too much text", upload.SummaryEn.RejectionMessage, StringComparison.Ordinal);
        if (memory?.PeakBytes() is { } peak)
        {
            var growth = peak - memory.BaselineBytes;
            output.WriteLine($"worker peak {peak / 1_048_576.0:0} MiB, {growth / 1_048_576.0:0} MiB over its {memory.BaselineBytes / 1_048_576.0:0} MiB before");
            Assert.True(growth < 200L * 1_048_576, $"The worker's working set grew by {growth / 1_048_576} MiB.");
        }
    }

    [Fact]
    public async Task CellLongerThanExcelAllowsIsARowFindingWithTheTextCutAtTheLimit()
    {
        var rows = Rows(3, "5204", Pks, Start, End, seed: 301).ToList();
        rows[1][Columns.Address] = "Jl. Panjang " + new string('x', 40_000);
        var upload = await system.IngestAsync("5204", "peserta-alamat-panjang.csv", SpreadsheetWriter.CsvBytes(WithHeader(rows)));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(3, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        var address = staged.Row(3).Cell("address");
        Assert.Equal("CELL_TOO_LONG", address.Error());
        Assert.Equal(32_767, address.Typed().Length);
        Assert.Equal("40012", (string?)address["p"]);
        Assert.Null(staged.Row(2).Cell("address").Error());
        Assert.Single(await system.DrainChunkMessagesAsync(upload.UploadId));
    }

    [Fact]
    public async Task RowHoldingMoreThanAMebibyteOfTextIsRejectedNamingTheRow()
    {
        // 40 unrecognised columns of 30,000 characters each: every cell is within Excel's limit, the row is not.
        object?[] header = [.. HeaderRow(), .. Enumerable.Range(1, 40).Select(i => $"Catatan {i}")];
        var rows = Rows(3, "5204", Pks, Start, End, seed: 302)
            .Select((row, i) => (object?[])[.. row, .. Enumerable.Range(1, 40).Select(_ => i == 1 ? new string('y', 30_000) : "ok")]);
        var upload = await system.IngestAsync("5204", "peserta-catatan.csv", SpreadsheetWriter.CsvBytes([header, .. rows]));

        await system.AssertRejectedAsync(upload, "FILE_TOO_LARGE", "Baris 3 berisi terlalu banyak teks", "lebih dari 1 MB");
    }
}
