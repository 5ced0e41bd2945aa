using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Broken and hostile uploads get a clear file-level answer in Bahasa Indonesia, stage nothing, queue nothing and
/// leave the original as it was; the ones that are merely odd are read as the data they hold.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class HostileFileTests(IngestionSystem system)
{
    /// <summary>Each rejected file of <see cref="HostileFiles.All"/>: its code and what the office's message must say.</summary>
    public static TheoryData<string, string, string> Rejected => new()
    {
        { "zip-bomb.xlsx", "FILE_TOO_LARGE", "terlalu besar" },
        { "billion-laughs.xlsx", "FILE_UNREADABLE", "rusak" },
        { "external-entity.xlsx", "FILE_UNREADABLE", "rusak" },
        { "encrypted.xlsx", "FILE_ENCRYPTED", "kata sandi" },
        { "truncated.xlsx", "FILE_UNREADABLE", "rusak" },
        { "empty.xlsx", "FILE_EMPTY", "kosong" },
        { "pdf-renamed.xlsx", "FILE_TYPE", "dokumen PDF" },
        { "png-renamed.xlsx", "FILE_TYPE", "gambar" },
        { "docx-renamed.xlsx", "FILE_TYPE", "arsip zip" },
        { "too-many-columns.xlsx", "FILE_UNREADABLE", "2000 kolom" },
        { "binary-garbage.csv", "FILE_TYPE", "bukan lembar kerja" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task HostileFileIsRejectedWithItsCodeAndNothingIsStaged(string fileName, string code, string messageFragment)
    {
        var upload = await system.IngestAsync("5204", fileName, Content(fileName));

        await system.AssertRejectedAsync(upload, code, messageFragment);
    }

    [Fact]
    public async Task BinaryGarbageNamedCsvIsNotDescribedByItsExtension()
    {
        var upload = await system.IngestAsync("5308", "binary-garbage.csv", Content("binary-garbage.csv"));

        await system.AssertRejectedAsync(upload, "FILE_TYPE", "berkas biner");
        Assert.DoesNotContain(".csv,", upload.Summary.RejectionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalEntityIsNeverResolved()
    {
        var upload = await system.IngestAsync("5308", "external-entity.xlsx", Content("external-entity.xlsx"));

        Assert.Equal("rejected", upload.Status);
        Assert.DoesNotContain("root:", upload.Summary.RejectionMessage ?? "", StringComparison.Ordinal);
        Assert.Empty(await system.StagingBlobNamesAsync(upload.UploadId));
    }

    [Fact]
    public async Task SheetFormattedDownToRowAMillionIsReadAsItsThreeRows()
    {
        var upload = await system.IngestAsync("5204", "million-empty-rows.xlsx", Content("million-empty-rows.xlsx"));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(3, upload.Summary.Rows.Read);
        Assert.Equal(0, upload.Summary.Rows.Blank);
        Assert.Equal(3, (await system.StagedRowsAsync(upload.UploadId)).Count);
        Assert.Single(await system.DrainChunkMessagesAsync(upload.UploadId));
        await system.AssertOriginalUnchangedAsync(upload);
    }

    [Fact]
    public async Task FormulaLookingCellsOfACsvAreStagedAsTheTextTyped()
    {
        var upload = await system.IngestAsync("5204", "formula-injection.csv", Content("formula-injection.csv"));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(8, upload.Summary.Rows.Read);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        foreach (var (row, column, value) in HostileFiles.FormulaInjectionCells)
        {
            var address = $"{(char)('A' + column)}{row + 2}";
            var cell = staged.Row(row + 2)["cells"]!.AsArray().Single(c => c!["c"]!.GetValue<string>() == address)!.AsObject();
            Assert.Equal(value, cell.Typed());
        }
        await system.AssertOriginalUnchangedAsync(upload);
    }

    [Fact]
    public async Task Windows1252CsvIsReadNotRejected()
    {
        var upload = await system.IngestAsync("5308", "windows-1252.csv", Content("windows-1252.csv"));

        Assert.Equal("validating", upload.Status);
        Assert.Equal(20, upload.Summary.Rows.Read);
        await system.AssertOriginalUnchangedAsync(upload);
    }

    [Fact]
    public void EveryHostileFileHasItsExpectedOutcomeHere()
    {
        string[] accepted = ["million-empty-rows.xlsx", "formula-injection.csv", "windows-1252.csv"];
        var covered = Rejected.Select(row => (string)row[0]).Concat(accepted).Order();

        Assert.Equal(HostileFiles.All().Select(f => f.FileName).Order(), covered);
    }

    private static byte[] Content(string fileName) => HostileFiles.All().Single(f => f.FileName == fileName).Content();
}
