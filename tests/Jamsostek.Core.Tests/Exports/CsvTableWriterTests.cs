using System.Globalization;
using System.Text;
using Jamsostek.Core.Exports;
using Jamsostek.TestData;
using static Jamsostek.Core.Tests.Exports.Exported;

namespace Jamsostek.Core.Tests.Exports;

public sealed class CsvTableWriterTests
{
    [Fact]
    public async Task FileStartsWithAUtf8ByteOrderMarkAndEveryRowEndsWithCrLf()
    {
        var bytes = await CsvAsync(["NIK", "Nama"], Row("5204011203900001", "Ni Luh Putu Ayu Ékawati"));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("NIK,Nama\r\n5204011203900001,Ni Luh Putu Ayu Ékawati\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task FieldsWithQuotesDelimitersOrLineBreaksAreQuotedWithQuotesDoubled()
    {
        string[] values = ["Jl. \"Merdeka\" 5", "biasa", "Wayan, Made", "baris 1\nbaris 2", "a\r\nb", "titik;koma"];

        var bytes = await CsvAsync(null, values.Select(v => (TableCell)v).ToArray());

        Assert.Equal(
            "\"Jl. \"\"Merdeka\"\" 5\",biasa,\"Wayan, Made\",\"baris 1\nbaris 2\",\"a\r\nb\",titik;koma\r\n",
            Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal(values, Assert.Single(ReadBack.Csv(bytes)));
    }

    [Fact]
    public async Task SemicolonDelimiterQuotesSemicolonsAndLeavesCommasAlone()
    {
        var bytes = await CsvAsync(CsvTableWriterOptions.IndonesianExcel, ["Alamat", "Catatan"], Row("RT 01; RW 02", "Wayan, Made"));

        Assert.Equal("Alamat;Catatan\r\n\"RT 01; RW 02\";Wayan, Made\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal(["RT 01; RW 02", "Wayan, Made"], ReadBack.Csv(bytes, ';')[1]);
    }

    [Fact]
    public async Task NumbersAreInvariantAndDatesAreDayMonthYearWhateverTheCurrentCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
        try
        {
            var bytes = await CsvAsync(null, Row(1234567L, 1500000.50m, 0.25, -3, new DateOnly(2025, 12, 31)));

            Assert.Equal("1234567,1500000.50,0.25,-3,31/12/2025\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task FormulaLikeTextGetsALeadingApostropheButNegativeNumbersDoNot()
    {
        var bytes = await CsvAsync(
            ["=cmd|' /C calc'!A0"],
            Row("=1+2", "+62 812", "-", "@SUM(A1)", "\tx", "\rx", -5, "-5", "  =1+2", "\uFF20SUM(A1)", "Budi"));

        Assert.Equal(
            "'=cmd|' /C calc'!A0\r\n'=1+2,'+62 812,'-,'@SUM(A1),'\tx,\"'\rx\",-5,'-5,'  =1+2,'\uFF20SUM(A1),Budi\r\n",
            Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task EmptyCellsAndEmptyTextAreEmptyFields()
    {
        var bytes = await CsvAsync(null, Row(TableCell.Empty, "", (string?)null, "x", (decimal?)null));

        Assert.Equal(",,,x,\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\r')]
    [InlineData('\n')]
    [InlineData('¦')]
    public void DelimitersThatCannotSeparateFieldsAreRejected(char delimiter)
    {
        Assert.Throws<ArgumentException>(() => new CsvTableWriter(new NonSeekableStream(), new CsvTableWriterOptions { Delimiter = delimiter }));
    }
}
