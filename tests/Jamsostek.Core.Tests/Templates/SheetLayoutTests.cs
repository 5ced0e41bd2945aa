using Jamsostek.Core.Templates;
using static Jamsostek.Core.Tests.Templates.Rows;

namespace Jamsostek.Core.Tests.Templates;

public sealed class SheetLayoutTests
{
    private static SheetLayout EnrolmentLayout() =>
        HeaderDetector.Detect(
        [
            Title(1, "DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025"),
            Blank(2),
            Row(3, "No", "NIK", "Nama", "Tanggal Lahir", "Keterangan", "Pekerjaan"),
        ]).Layout!;

    [Fact]
    public void MappedNikInColumnBRowSixIsAtB6()
    {
        var layout = EnrolmentLayout();

        var row = layout.Map(Row(6, 3.0, "5204014203900001", "Siti Aminah", new DateTime(1990, 3, 2), "pindahan", "Petani"));

        Assert.Equal(6, row.RowNumber);
        Assert.True(row.TryGet(FieldNames.Nik, out var nik));
        Assert.Equal("B6", nik.Cell);
        Assert.Equal("5204014203900001", nik.Value);
        Assert.True(row.TryGet(FieldNames.BirthDate, out var birthDate));
        Assert.Equal("D6", birthDate.Cell);
        Assert.Equal(new DateTime(1990, 3, 2), birthDate.Value);
        Assert.True(row.TryGet(FieldNames.Occupation, out var occupation));
        Assert.Equal("F6", occupation.Cell);
    }

    [Fact]
    public void CellsComeInColumnOrderWithTheirFields()
    {
        var row = EnrolmentLayout().Map(Row(7, 4.0, "5204010101900002", "Budi", "01/01/1990", null, "Nelayan"));

        Assert.Equal(
            [("B7", FieldNames.Nik), ("C7", FieldNames.FullName), ("D7", FieldNames.BirthDate), ("F7", FieldNames.Occupation)],
            row.Cells.Select(c => (c.Cell, c.Field.Name)));
    }

    [Fact]
    public void UnrecognisedColumnsKeepTheirHeadingAndValue()
    {
        var row = EnrolmentLayout().Map(Row(8, 5.0, "5204010101900002", "Budi", "01/01/1990", "pindahan", "Nelayan"));

        Assert.Equal(
            [new UnrecognisedCell(0, "No", 5.0), new UnrecognisedCell(4, "Keterangan", "pindahan")],
            row.Unrecognised);
    }

    [Fact]
    public void CellsPastTheEndOfAShortRowAreEmpty()
    {
        var row = EnrolmentLayout().Map(Row(9, 6.0, "5204010101900002"));

        Assert.True(row.TryGet(FieldNames.FullName, out var name));
        Assert.Null(name.Value);
        Assert.True(name.IsEmpty);
        Assert.Equal("C9", name.Cell);
        Assert.Null(row.ValueOf(FieldNames.Occupation));
    }

    [Fact]
    public void OnlyTheFirstCellCountCellsOfAReusedArrayAreRead()
    {
        // Readers reuse the cell array; what lies past CellCount belongs to an earlier row.
        object?[] cells = [1.0, "5204010101900002", "Budi", "stale", "stale", "stale"];

        var row = EnrolmentLayout().Map(new Jamsostek.Core.Sheets.SheetRow(10, cells, 3));

        Assert.Null(row.ValueOf(FieldNames.BirthDate));
        Assert.Null(row.ValueOf(FieldNames.Occupation));
    }

    [Fact]
    public void MappedValuesSurviveTheReaderReusingItsArray()
    {
        object?[] cells = [1.0, "5204010101900002", "Budi", "01/01/1990", null, "Nelayan"];
        var row = EnrolmentLayout().Map(new Jamsostek.Core.Sheets.SheetRow(11, cells, cells.Length));

        Array.Fill(cells, "next row");

        Assert.Equal("5204010101900002", row.ValueOf(FieldNames.Nik));
    }

    [Fact]
    public void FieldsTheSheetLacksAreAbsent()
    {
        var layout = EnrolmentLayout();
        var row = layout.Map(Row(12, 1.0, "5204010101900002", "Budi", "01/01/1990", null, "Nelayan"));

        Assert.False(layout.Has(FieldNames.Phone));
        Assert.False(layout.TryGetColumn(FieldNames.Phone, out _));
        Assert.False(row.TryGet(FieldNames.Phone, out _));
        Assert.Null(row.ValueOf(FieldNames.Phone));
    }
}
