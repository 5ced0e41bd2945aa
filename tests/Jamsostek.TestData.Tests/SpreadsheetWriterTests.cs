using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit.Abstractions;

namespace Jamsostek.TestData.Tests;

public sealed class SpreadsheetWriterTests(ITestOutputHelper output)
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);
    private const string Agreement = "PKS/001/BPJS-SBW/2025";
    private const string Title = "DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025";

    private static readonly object?[][] MixedRow =
        [[true, false, 16800.5m, 3.25, 42L, new DateTime(2025, 10, 28, 13, 45, 0), "  spasi di tepi  ", null, "=1+1", "baris\nkedua"]];

    private static SheetSpec[] SampleSheets(out List<object?[]> data)
    {
        data = EnrolmentSheet.Rows(3, "5204", Agreement, Start, End).ToList();
        return
        [
            new SheetSpec("Referensi", [["Kode", "Nama"], ["5204", "Sumbawa"]], Hidden: true),
            new SheetSpec("Daftar Peserta", EnrolmentSheet.WithTitle(EnrolmentSheet.WithHeader(data), Title), MergedRanges: ["A1:O1"]),
            new SheetSpec("Ragam", MixedRow),
        ];
    }

    private static object? Expected(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        int or long or decimal => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private static void AssertReadsBack(List<ReadBack.Sheet> sheets, List<object?[]> data)
    {
        Assert.Equal(["Referensi", "Daftar Peserta", "Ragam"], sheets.Select(s => s.Name));
        Assert.Equal("hidden", sheets[0].VisibleState);
        Assert.Equal("visible", sheets[1].VisibleState);
        Assert.Equal(["5204", "Sumbawa"], sheets[0].Rows[1]);

        var rows = sheets[1].Rows;
        Assert.Equal(6, rows.Count);
        Assert.Equal(Title, rows[0][0]);
        Assert.All(rows[1], Assert.Null);
        Assert.Equal(EnrolmentSheet.Header, rows[2].Cast<string>());
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < EnrolmentSheet.Header.Count; c++)
            {
                Assert.Equal(Expected(data[r][c]), rows[3 + r][c]);
            }

            Assert.IsType<string>(rows[3 + r][EnrolmentSheet.Columns.Nik]);
            Assert.IsType<DateTime>(rows[3 + r][EnrolmentSheet.Columns.BirthDate]);
            Assert.IsType<DateTime>(rows[3 + r][EnrolmentSheet.Columns.CoverageStart]);
            Assert.IsType<double>(rows[3 + r][EnrolmentSheet.Columns.Income]);
        }

        Assert.Equal(["0:0-0:14"], sheets[1].Merged);

        var mixed = sheets[2].Rows[0];
        Assert.Equal([true, false, 16800.5, 3.25, 42.0, new DateTime(2025, 10, 28, 13, 45, 0), "  spasi di tepi  ", null, "=1+1", "baris\nkedua"], mixed);
    }

    [Fact]
    public void AnXlsxWithATitleRowAHeaderAndThreeRowsReadsBackCellForCell()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(SampleSheets(out var data));

        AssertReadsBack(ReadBack.Workbook(bytes), data);
    }

    [Fact]
    public void AnXlsWithATitleRowAHeaderAndThreeRowsReadsBackCellForCell()
    {
        var bytes = SpreadsheetWriter.XlsBytes(SampleSheets(out var data));

        Assert.Equal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], bytes[..8]);
        AssertReadsBack(ReadBack.Workbook(bytes), data);
    }

    [Fact]
    public void TheXlsxPackageValidatesAgainstTheOpenXmlSchema()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(SampleSheets(out _));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        Assert.NotNull(document.WorkbookPart?.WorkbookStylesPart);
        Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public void DatesInTheXlsxCarryTheBuiltInShortDateFormat()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(new SheetSpec("Tanggal", [[new DateOnly(2025, 10, 28)]]));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var cell = Assert.Single(sheet.Descendants(main + "c"));
        Assert.Equal("A1", (string?)cell.Attribute("r"));
        Assert.Equal("45958", cell.Element(main + "v")?.Value); // 28 Oct 2025 as an Excel date serial
        var style = styles.Descendants(main + "cellXfs").Single().Elements(main + "xf").ElementAt((int)cell.Attribute("s")!);
        Assert.Equal("14", (string?)style.Attribute("numFmtId"));
    }

    [Fact]
    public void AnXlsxCanBeWrittenToAStreamThatCannotSeek()
    {
        using var sink = new ForwardOnlyStream();

        SpreadsheetWriter.WriteXlsx(sink, [EnrolmentSheet.Sheet(50, "5318", "PKS/7/SBD/2025", Start, End)]);

        var sheets = ReadBack.Workbook(sink.Inner.ToArray());
        Assert.Equal(51, sheets[0].Rows.Count);
    }

    [Fact]
    public void AHundredThousandRowXlsxIsWrittenStreamingAndReadsBackEveryRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jamsostek-100k-{Guid.NewGuid():N}.xlsx");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            SpreadsheetWriter.WriteXlsx(path, [EnrolmentSheet.Sheet(100_000, "5204", Agreement, Start, End)]);
            var writeTime = stopwatch.Elapsed;
            var size = new FileInfo(path).Length;

            stopwatch.Restart();
            using var file = File.OpenRead(path);
            var rows = ReadBack.CountRows(file, out var fieldCount);
            output.WriteLine($"100,000-row xlsx: {size:N0} bytes, written in {writeTime.TotalSeconds:F2} s, read back in {stopwatch.Elapsed.TotalSeconds:F2} s");

            Assert.Equal(100_001, rows);
            Assert.Equal(EnrolmentSheet.Header.Count, fieldCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WritingThreeHundredThousandRowsKeepsTheManagedHeapFlat()
    {
        long baseline = 0;
        long peak = 0;
        IEnumerable<object?[]> Measured(IEnumerable<object?[]> rows)
        {
            var n = 0;
            foreach (var row in rows)
            {
                if (n++ % 50_000 == 0)
                {
                    var live = GC.GetTotalMemory(forceFullCollection: true);
                    if (n == 1)
                    {
                        baseline = live;
                    }

                    peak = Math.Max(peak, live);
                }

                yield return row;
            }
        }

        using var sink = new CountingStream();
        var stopwatch = Stopwatch.StartNew();
        SpreadsheetWriter.WriteXlsx(sink, [new SheetSpec("Daftar Peserta", Measured(EnrolmentSheet.WithHeader(
            EnrolmentSheet.Rows(300_000, "5204", Agreement, Start, End))))]);
        output.WriteLine($"300,000 rows: {sink.Length:N0} bytes in {stopwatch.Elapsed.TotalSeconds:F2} s; live heap grew by at most {(peak - baseline) / 1024.0 / 1024.0:F1} MiB");

        // The sheet XML is roughly 400 MB; streaming keeps only the NIK sequence table and buffers alive.
        Assert.True(peak - baseline < 64L * 1024 * 1024, $"live heap grew by {peak - baseline:N0} bytes");
        Assert.True(sink.Length > 5_000_000);
    }

    [Fact]
    public void AnXlsSheetWithMoreThan65536RowsIsRefused()
    {
        var rows = Enumerable.Range(0, SpreadsheetWriter.XlsMaxRows + 1).Select(i => new object?[] { i });

        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.XlsBytes(new SheetSpec("Besar", rows)));
    }

    [Fact]
    public void AWorkbookWhoseSheetsAreAllHiddenIsRefused()
    {
        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.XlsxBytes(new SheetSpec("A", [["x"]], Hidden: true)));
        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.XlsBytes(new SheetSpec("A", [["x"]], Hidden: true)));
    }

    [Fact]
    public void TextThatXmlCannotHoldIsEscapedTheWayExcelDoes()
    {
        var bytes = SpreadsheetWriter.XlsxBytes(new SheetSpec("Aneh", [["nul\0di tengah", "_x0041_ harfiah"]]));

        var row = ReadBack.Workbook(bytes)[0].Rows[0];
        Assert.Equal("nul\0di tengah", row[0]);
        Assert.Equal("_x0041_ harfiah", row[1]);
    }

    [Fact]
    public void CsvQuotesFieldsAsRfc4180SaysAndWritesDatesDayFirst()
    {
        object?[][] rows =
        [
            ["Nama", "Tanggal", "Jumlah", "Catatan"],
            ["Siti \"Ina\" Aminah", new DateOnly(2025, 10, 28), 1500000L, "satu, dua"],
            [" Yohanes ", new DateTime(2025, 1, 2), 16800.5m, "baris\r\nbaru"],
            [null, true, 5204014501900001.0, ""],
        ];

        var text = Encoding.UTF8.GetString(SpreadsheetWriter.CsvBytes(rows));

        Assert.Equal(
            "Nama,Tanggal,Jumlah,Catatan\r\n" +
            "\"Siti \"\"Ina\"\" Aminah\",28/10/2025,1500000,\"satu, dua\"\r\n" +
            "\" Yohanes \",02/01/2025,16800.5,\"baris\r\nbaru\"\r\n" +
            ",TRUE,5204014501900001,\r\n",
            text);
    }

    [Fact]
    public void CsvWritesAByteOrderMarkOnlyWhenAsked()
    {
        object?[][] rows = [["NIK"]];

        Assert.Equal("NIK\r\n"u8.ToArray(), SpreadsheetWriter.CsvBytes(rows));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "NIK\r\n"u8], SpreadsheetWriter.CsvBytes(rows, byteOrderMark: true));
        Assert.Equal("NIK\r\n"u8.ToArray(), SpreadsheetWriter.CsvBytes(rows, encoding: SpreadsheetWriter.Windows1252, byteOrderMark: true));
    }

    [Fact]
    public void CsvInWindows1252RoundTripsANameWithADiaeresis()
    {
        var rows = EnrolmentSheet.WithHeader(EnrolmentSheet.Rows(2, "5204", Agreement, Start, End)).ToList();
        rows[1][EnrolmentSheet.Columns.FullName] = "Sitï Aminah";

        var bytes = SpreadsheetWriter.CsvBytes(rows, ';', SpreadsheetWriter.Windows1252);

        Assert.Contains((byte)0xEF, bytes); // ï is one byte in Windows-1252
        Assert.DoesNotContain("Sitï", Encoding.UTF8.GetString(bytes));
        var read = ReadBack.CsvAsExcelOpensIt(bytes, Encoding.GetEncoding(1252));
        Assert.Equal(3, read.Count);
        Assert.Equal("Sitï Aminah", read[1][EnrolmentSheet.Columns.FullName]);
        Assert.Equal(EnrolmentSheet.Header, read[0].Cast<string>());
        Assert.Equal(((DateOnly)rows[1][EnrolmentSheet.Columns.BirthDate]!).ToString("dd/MM/yyyy"), read[1][EnrolmentSheet.Columns.BirthDate]);
    }

    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Inner { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
