using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jamsostek.Core.Exports;
using Jamsostek.TestData;
using static Jamsostek.Core.Tests.Exports.Exported;

namespace Jamsostek.Core.Tests.Exports;

public sealed class XlsxTableWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task HeaderAndValuesReadBackWithTheirTypes()
    {
        var bytes = await XlsxAsync(
            ["NIK", "Nama", "Jumlah", "Upah", "Rasio", "Tanggal lahir", "Catatan"],
            Row("5204011203900001", "Ni Luh Putu Ayu Ékawati", 3L, 1500000.50m, 0.25, new DateOnly(1990, 3, 12), TableCell.Empty));

        var sheet = ReadBack.Xlsx(bytes);

        Assert.Equal(["NIK", "Nama", "Jumlah", "Upah", "Rasio", "Tanggal lahir", "Catatan"], sheet.Rows[0]);
        Assert.Equal(["5204011203900001", "Ni Luh Putu Ayu Ékawati", 3.0, 1500000.5, 0.25, new DateTime(1990, 3, 12), null], sheet.Rows[1]);
    }

    [Fact]
    public async Task DatesAreRealDatesShownAsDayMonthYear()
    {
        var bytes = await XlsxAsync(null, Row(new DateOnly(2025, 12, 31), 45000L));

        var sheet = ReadBack.Xlsx(bytes);

        Assert.Equal([new DateTime(2025, 12, 31), 45000.0], sheet.Rows[0]);
        Assert.Equal("dd/mm/yyyy", sheet.NumberFormats[0][0]);
        Assert.Equal("General", sheet.NumberFormats[0][1]);
    }

    [Fact]
    public async Task DatesBeforeMarch1900AreWrittenAsTextBecauseExcelSerialsAreOffByOneThere()
    {
        var bytes = await XlsxAsync(null, Row(new DateOnly(1900, 2, 28), new DateOnly(1900, 3, 1)));

        Assert.Equal(["28/02/1900", new DateTime(1900, 3, 1)], ReadBack.Xlsx(bytes).Rows[0]);
    }

    [Fact]
    public async Task FormulaLikeTextKeepsItsValueInAQuotePrefixCellButNegativeNumbersStayNumbers()
    {
        object?[] guarded = ["=HYPERLINK(\"http://contoh.id\",\"klik\")", "+62 812", "-", "@SUM(A1)", "\tx", "\rx", " =1+2", "\uFF1D1+2"];
        var bytes = await XlsxAsync(
            ["=cmd|' /C calc'!A0", "Nama"],
            Row([.. guarded.Select(v => (TableCell)(string)v!), -5, -2.5m, "Budi", "-5"]));

        var rows = ReadBack.Xlsx(bytes).Rows;
        Assert.Equal(["=cmd|' /C calc'!A0", "Nama"], rows[0].Take(2));
        Assert.Equal([.. guarded, -5.0, -2.5, "Budi", "-5"], rows[1]);

        // The cells that hold formula-like text, and only those, carry a style with quotePrefix="1" (the header's still bold).
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var formats = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open()).Descendants(Main + "cellXfs").Single().Elements().ToList();
        XElement FormatOf(XElement cell) => formats[(int?)cell.Attribute("s") ?? 0];
        bool QuotePrefixed(XElement cell) => (string?)FormatOf(cell).Attribute("quotePrefix") is "1" or "true";
        var cells = sheet.Descendants(Main + "row").Select(r => r.Elements(Main + "c").ToList()).ToList();
        Assert.Equal([true, false], cells[0].Select(QuotePrefixed));
        Assert.All(cells[0], c => Assert.Equal("1", (string?)FormatOf(c).Attribute("fontId")));
        Assert.Equal([.. guarded.Select(_ => true), false, false, false, true], cells[1].Select(QuotePrefixed));
        Assert.DoesNotContain(sheet.Descendants(Main + "t"), t => t.Value.StartsWith('\''));
    }

    [Fact]
    public async Task TextKeepsQuotesLineBreaksEdgeSpacesAndCharactersXmlCannotHold()
    {
        string[] values = ["Jl. \"Merdeka\" <5> & 6", "baris 1\nbaris 2", "a\r\nb", "  spasi di tepi  ", "nama_lengkap", "x_x0041_y", "bel\u0007", "🙂 senyum"];

        var bytes = await XlsxAsync(null, values.Select(v => (TableCell)v).ToArray());

        Assert.Equal(values, ReadBack.Xlsx(bytes).Rows[0]);
        // Excel trims the edges of text not marked to keep its spaces; ExcelDataReader does not, so look at the XML.
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var spaced = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).Descendants(Main + "t").Single(t => t.Value == values[3]);
        Assert.Equal("preserve", (string?)spaced.Attribute(XNamespace.Xml + "space"));
    }

    [Fact]
    public async Task TextLongerThanACellHoldsIsCutAtExcelsLimit()
    {
        var bytes = await XlsxAsync(null, Row(new string('a', 40_000), "=" + new string('b', 40_000)));

        var row = ReadBack.Xlsx(bytes).Rows[0];
        Assert.Equal(32_767, ((string)row[0]!).Length);
        Assert.Equal(32_767, ((string)row[1]!).Length);
        Assert.StartsWith("=b", (string)row[1]!);
    }

    [Fact]
    public async Task SheetHasItsNameABoldHeaderAFrozenPaneAndColumnsWideEnoughForTheHeader()
    {
        var bytes = await XlsxAsync("Baris Ditolak", ["NIK", "Alasan penolakan baris ini"], Row("1", "2"));

        Assert.Equal("Baris Ditolak", ReadBack.Xlsx(bytes).Name);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());

        var pane = Assert.Single(sheet.Descendants(Main + "pane"));
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("1", (string?)pane.Attribute("ySplit"));

        var headerStyles = sheet.Descendants(Main + "row").First().Elements(Main + "c").Select(c => (int)c.Attribute("s")!).Distinct();
        var headerFormat = styles.Descendants(Main + "cellXfs").Single().Elements().ElementAt(Assert.Single(headerStyles));
        var headerFont = styles.Descendants(Main + "fonts").Single().Elements().ElementAt((int)headerFormat.Attribute("fontId")!);
        Assert.NotNull(headerFont.Element(Main + "b"));
        Assert.Null(sheet.Descendants(Main + "row").Last().Elements(Main + "c").First().Attribute("s"));

        var widths = sheet.Descendants(Main + "col").Select(c => (double)c.Attribute("width")!).ToList();
        Assert.Equal(2, widths.Count);
        Assert.True(widths[1] >= "Alasan penolakan baris ini".Length, $"The second column is {widths[1]} wide.");
    }

    [Fact]
    public async Task PackagePassesTheOpenXmlValidator()
    {
        var bytes = await XlsxAsync(
            ["NIK", "Nama", "Tanggal", "Upah"],
            Row("5204011203900001", "=1+2", new DateOnly(1990, 3, 12), 1500000.50m),
            Row(TableCell.Empty, "a\r\nb", TableCell.Empty, -2.5));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnEmptyTableIsStillAWorkbook()
    {
        var bytes = await XlsxAsync("Kosong", null);

        var sheet = ReadBack.Xlsx(bytes);
        Assert.Equal("Kosong", sheet.Name);
        Assert.Empty(sheet.Rows);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Laporan/2025")]
    [InlineData("[Data]")]
    [InlineData("'Data'")]
    [InlineData("Nama sheet ini lebih dari tiga puluh satu")]
    public void SheetNamesExcelRefusesAreRejected(string sheetName)
    {
        Assert.Throws<ArgumentException>(() => new XlsxTableWriter(new NonSeekableStream(), sheetName));
    }
}
