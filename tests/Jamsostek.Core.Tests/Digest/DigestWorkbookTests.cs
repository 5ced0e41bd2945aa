using Jamsostek.Core.Digest;
using Jamsostek.Core.Exports;
using Jamsostek.TestData;

namespace Jamsostek.Core.Tests.Digest;

public sealed class DigestWorkbookTests
{
    [Fact]
    public async Task TheAttachmentHoldsEveryTableOnItsOwnSheetWithNumbersAsNumbers()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(), DigestSamples.SumbaBaratDaya(), DigestSamples.LastWeek(), DigestSamples.Week);

        var sheets = ReadBack.XlsxSheets(await DigestWorkbook.ToBytesAsync(message.Tables));

        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran"], sheets.Keys);
        Assert.Equal(["Segmen", "Terlindungi", "Target", "% target", "Perubahan"], sheets["Segmen"][0]);
        Assert.Equal(["Pekerja rentan", 235d, 5600d, 4.2d, 35d], sheets["Segmen"][1]);
        Assert.Equal(["PKS/112/BPJSTK-TBK/IX/2026", new DateTime(2026, 12, 31), 36d, 235d], sheets["Segera berakhir"][1]);
        Assert.Equal(11, sheets["Pekerjaan"].Count); // header and every occupation, not only the eight the email names
        Assert.Equal(282_240_000d, sheets["Anggaran"][1][1]);
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Pekerja terlindungi") && Equals(row[1], 235d));
    }

    [Fact]
    public async Task AWorkbookWriterMovesFromSheetToSheetAndWritesSheetsNeverReachedEmpty()
    {
        using var buffer = new MemoryStream();
        await using (var writer = new XlsxTableWriter(buffer, ["Satu", "Dua", "Tiga"]))
        {
            writer.WriteHeader(["a"]);
            await writer.WriteRowAsync([TableCell.FromInteger(1)]);
            writer.NextSheet();
            writer.WriteHeader(["b", "c"]);
            await writer.WriteRowAsync([TableCell.FromText("x"), TableCell.FromText("y")]);
            await writer.CompleteAsync();
            Assert.Throws<InvalidOperationException>(writer.NextSheet);
        }

        var sheets = ReadBack.XlsxSheets(buffer.ToArray());

        Assert.Equal(["Satu", "Dua", "Tiga"], sheets.Keys);
        Assert.Equal([["a"], [1d]], sheets["Satu"]);
        Assert.Equal([["b", "c"], ["x", "y"]], sheets["Dua"]);
        Assert.Empty(sheets["Tiga"]);
    }

    [Fact]
    public void SheetNamesMustDiffer() =>
        Assert.Throws<ArgumentException>(() => new XlsxTableWriter(new MemoryStream(), ["Ringkasan", "RINGKASAN"]));
}
