using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Tests.Ingestion;

public sealed class DataDateLabelTests
{
    private static DataDate? Find(params object?[][] rows) =>
        DataDateLabel.Find(rows.Select((cells, i) => new SheetRow(i + 1, cells, cells.Length)));

    [Theory]
    [InlineData("Tanggal Data: 30 November 2026")]
    [InlineData("TANGGAL DATA : 30/11/2026")]
    [InlineData("Tgl. Data: 2026-11-30")]
    [InlineData("Data per 30 November 2026")]
    [InlineData("Posisi Data per 30 Nopember 2026")]
    public void TheDateInTheLabelCellIsTheSnapshotDate(string line)
    {
        var found = Find(["DAFTAR KEPATUHAN BADAN USAHA KABUPATEN SUMBAWA"], [line]);

        Assert.Equal(new DateOnly(2026, 11, 30), found?.Date);
        Assert.Equal("A2", found!.Cell);
        Assert.Equal(2, found.Row);
    }

    [Fact]
    public void TheDateMayStandInTheNextFilledCellAsADateCell()
    {
        var found = Find(["Judul"], ["Tanggal Data", null, new DateTime(2026, 11, 30)]);

        Assert.Equal(new DateOnly(2026, 11, 30), found?.Date);
        Assert.Equal("C2", found!.Cell);
    }

    [Fact]
    public void AMistypedDateAfterAnExplicitLabelIsReportedNotIgnored()
    {
        var found = Find(["Tanggal Data: 31 Juni 2026"]);

        Assert.NotNull(found);
        Assert.Null(found.Date);
        Assert.Equal("31 Juni 2026", found.Text);
    }

    [Fact]
    public void ATitleThatOnlyStartsLikeALabelIsNotTakenForOne()
    {
        Assert.Null(Find(["Data per Kecamatan"], ["Posisi Keuangan Daerah"]));
    }
}
