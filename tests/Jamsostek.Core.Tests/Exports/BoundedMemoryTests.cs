using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Tests.Exports;

[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public sealed class BoundedMemoryCollection;

/// <summary>
/// Exports run to 100,000 rows and more: a writer must pass rows on as it goes instead of keeping the sheet.
/// Run alone (not in parallel with other tests) so the process-wide memory figure means something.
/// </summary>
[Collection(nameof(BoundedMemoryTests))]
public sealed class BoundedMemoryTests
{
    private const int Rows = 200_000;
    private const int WarmUpRows = 1_000;

    private static readonly string[] Names = ["Budi Santoso", "Siti \"Ani\" Rahayu", "Wayan, Made", "=1+2", "Ni Luh Putu Ayu Ékawati"];

    [Theory]
    [MemberData(nameof(TableWriterTests.Formats), MemberType = typeof(TableWriterTests))]
    public async Task TwoHundredThousandRowsStreamOutAsTheyAreWrittenWithoutMemoryGrowingPerRow(string format)
    {
        var sink = new CountingStream();
        await using var writer = TableWriterTests.Create(format, sink);
        writer.WriteHeader(["Baris", "Nama", "Kode wilayah", "Upah", "Rasio", "Tanggal lahir", "Catatan", "Selisih"]);
        var cells = new TableCell[8];
        for (var i = 0; i < WarmUpRows; i++)
        {
            await WriteRowAsync(writer, cells, i);
        }

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = WarmUpRows; i < WarmUpRows + Rows; i++)
        {
            await WriteRowAsync(writer, cells, i);
        }
        var allocatedPerRow = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)Rows;
        var retainedGrowth = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        var sentBeforeCompletion = sink.BytesWritten;
        await writer.CompleteAsync();
        var heldBack = sink.BytesWritten - sentBeforeCompletion;

        // A writer that kept the sheet would hold back megabytes (even deflated, these rows come to several MB).
        Assert.True(heldBack < 1024 * 1024, $"{heldBack:N0} of {sink.BytesWritten:N0} bytes were held back until completion.");
        Assert.True(allocatedPerRow < 64, $"{allocatedPerRow:N1} bytes allocated per row.");
        Assert.True(retainedGrowth < 8 * 1024 * 1024, $"Memory grew by {retainedGrowth:N0} bytes over {Rows:N0} rows.");
    }

    private static ValueTask WriteRowAsync(ITableWriter writer, TableCell[] cells, int i)
    {
        cells[0] = i;
        cells[1] = Names[i % Names.Length];
        cells[2] = "5204";
        cells[3] = 3_500_000m + i;
        cells[4] = i / 7.0;
        cells[5] = DateOnly.FromDayNumber(711_000 + (i % 20_000));
        cells[6] = i % 3 == 0 ? TableCell.Empty : Names[(i / 3) % Names.Length];
        cells[7] = -i;
        return writer.WriteRowAsync(cells);
    }
}
