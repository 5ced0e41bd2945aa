using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using static Jamsostek.TestData.HostileFiles;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// Ten rows, then twelve thousand empty ones (absent, formatted, or holding empty text), then ten more: every data row
/// is read, whatever the format, and the empty rows between them are counted as blank, not taken for the sheet's end.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class EmptyRunTests(IngestionSystem system)
{
    private const int LastDataRow = 1 + (2 * RowsAroundEmptyRun) + EmptyRunLength;

    public static TheoryData<string, EmptyRowKind> Files => new()
    {
        { "xlsx", EmptyRowKind.Absent },
        { "xlsx", EmptyRowKind.Styled },
        { "xlsx", EmptyRowKind.EmptyStrings },
        { "xls", EmptyRowKind.Absent },
        { "xls", EmptyRowKind.EmptyStrings },
        { "csv", EmptyRowKind.Absent },
        { "csv", EmptyRowKind.EmptyStrings },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task RowsAfterALongRunOfEmptyRowsAreReadAndTheRunIsCountedAsBlank(string format, EmptyRowKind kind)
    {
        var content = format switch
        {
            "xlsx" => RowsAfterEmptyRunXlsx(kind),
            "xls" => SpreadsheetWriter.XlsBytes(new SheetSpec("Daftar Peserta", RowsAfterEmptyRun(kind, emptyText: " "))),
            _ => SpreadsheetWriter.CsvBytes(RowsAfterEmptyRun(kind), ';'),
        };

        var upload = await system.IngestAsync("5204", $"peserta-baris-kosong-{kind.ToString().ToLowerInvariant()}.{format}", content);

        Assert.Equal("validating", upload.Status); // not "duplicate": each file differs from the others
        Assert.Equal(2 * RowsAroundEmptyRun, upload.Summary.Rows.Read);
        Assert.Equal(EmptyRunLength, upload.Summary.Rows.Blank);
        var staged = await system.StagedRowsAsync(upload.UploadId);
        var rowNumbers = staged.Select(row => (int)row["row"]!).Order().ToList();
        Assert.Equal([.. Enumerable.Range(2, RowsAroundEmptyRun), .. Enumerable.Range(LastDataRow - RowsAroundEmptyRun + 1, RowsAroundEmptyRun)], rowNumbers);
    }
}
