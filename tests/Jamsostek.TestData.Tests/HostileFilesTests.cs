using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Jamsostek.TestData.Tests;

public sealed class HostileFilesTests
{
    [Fact]
    public void TheZipBombDeclaresOver500MbUnpackedButIsUnder5MbOnDisk()
    {
        var bytes = HostileFiles.ZipBomb();

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        Assert.True(sheet.Length > 500L * 1024 * 1024, $"declares {sheet.Length:N0} bytes");
        Assert.Equal(HostileFiles.DefaultZipBombSize, sheet.Length);
        Assert.True(bytes.Length < 5 * 1024 * 1024, $"{bytes.Length:N0} bytes on disk");
        Assert.True(sheet.Length / sheet.CompressedLength > 1000, $"ratio {sheet.Length / sheet.CompressedLength}:1");
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
    }

    [Fact]
    public void TheZipBombSheetReallyInflatesToItsDeclaredSize()
    {
        var bytes = HostileFiles.ZipBomb(64L * 1024 * 1024);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        var first = new byte[200];
        while ((n = sheet.Read(buffer)) > 0)
        {
            if (total == 0)
            {
                Array.Copy(buffer, first, Math.Min(n, first.Length));
            }

            total += n;
        }

        Assert.Equal(64L * 1024 * 1024, total);
        Assert.StartsWith("<?xml", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void TheEncryptedWorkbookIsACompoundFileWithTheEncryptionStreams()
    {
        var bytes = HostileFiles.EncryptedWorkbook();

        Assert.Equal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], bytes[..8]);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) > 0);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) > 0);
        Assert.Equal(0, bytes.Length % 512);
    }

    [Fact]
    public void ExcelDataReaderTakesTheEncryptedWorkbookForAPasswordProtectedOne()
    {
        ReadBack.RegisterCodePages();
        using var stream = new MemoryStream(HostileFiles.EncryptedWorkbook());

        Assert.Throws<InvalidPasswordException>(() => ExcelReaderFactory.CreateReader(stream));
    }

    [Fact]
    public void TheXmlAttacksAreWellFormedPackagesCarryingTheirDtd()
    {
        var laughs = Entry(HostileFiles.BillionLaughs(), "xl/worksheets/sheet1.xml");
        var external = Entry(HostileFiles.ExternalEntity(), "xl/sharedStrings.xml");

        Assert.Contains("<!ENTITY lol9 \"&lol8;&lol8;", laughs);
        Assert.Contains("<t>&lol9;</t>", laughs);
        Assert.Contains("<!ENTITY x SYSTEM \"file:///etc/passwd\">", external);
        Assert.Contains("<t>&x;</t>", external);
        Assert.Contains("sharedStrings.xml", Entry(HostileFiles.ExternalEntity(), "[Content_Types].xml"));
    }

    [Fact]
    public void TheTruncatedXlsxIsHalfARealOne()
    {
        var bytes = HostileFiles.TruncatedXlsx();

        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.ThrowsAny<InvalidDataException>(() => new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read));
    }

    [Fact]
    public void RenamedFilesCarryTheirOwnMagicNumbers()
    {
        Assert.Empty(HostileFiles.ZeroBytes());
        Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(HostileFiles.PdfRenamed()));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(HostileFiles.PdfRenamed()));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], HostileFiles.PngRenamed()[..8]);

        using var docx = new ZipArchive(new MemoryStream(HostileFiles.NotAWorkbookZip()), ZipArchiveMode.Read);
        Assert.NotNull(docx.GetEntry("word/document.xml"));
        Assert.Null(docx.GetEntry("xl/workbook.xml"));
    }

    [Fact]
    public void TheWideSheetHasTwoThousandHeaderColumns()
    {
        var sheet = ReadBack.Workbook(HostileFiles.TooManyColumns())[0];

        Assert.Equal(2000, sheet.Rows[0].Length);
        Assert.Equal("NIK", sheet.Rows[0][1]);
        Assert.Equal("Kolom 2000", sheet.Rows[0][1999]);
    }

    [Fact]
    public void TheMillionRowSheetHasThreeDataRowsAndEndsAtRowOneMillion()
    {
        var bytes = HostileFiles.MillionEmptyRows();
        ReadBack.RegisterCodePages();

        using var stream = new MemoryStream(bytes);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = 0;
        var withValues = 0;
        while (reader.Read())
        {
            rows++;
            if (Enumerable.Range(0, reader.FieldCount).Any(i => !reader.IsDBNull(i)))
            {
                withValues++;
            }
        }

        Assert.Equal(1_000_000, rows);
        Assert.Equal(4, withValues); // header + 3 data rows
        Assert.Contains("<dimension ref=\"A1:O1000000\"", Entry(bytes, "xl/worksheets/sheet1.xml", 2000));
    }

    [Fact]
    public void TheCsvSamplesCarryWhatTheirNamesSay()
    {
        Assert.Contains((byte)0, HostileFiles.BinaryGarbageCsv());

        var cp1252 = HostileFiles.Windows1252Csv();
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(cp1252));
        var text = Encoding.GetEncoding(1252).GetString(cp1252);
        Assert.StartsWith(string.Join(';', EnrolmentSheet.Header), text);
        Assert.Contains(";Sitï Aminah;", text);
        Assert.Equal(21, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var injected = ReadBack.CsvAsExcelOpensIt(HostileFiles.FormulaInjectionCsv(), Encoding.UTF8);
        foreach (var (row, column, value) in HostileFiles.FormulaInjectionCells)
        {
            Assert.Equal(value, injected[row + 1][column]);
        }

        Assert.Equal(['=', '+', '-', '@'], HostileFiles.FormulaInjectionCells.Select(c => c.Value[0]).Distinct().Order().ToArray().OrderBy(c => "=+-@".IndexOf(c)));
    }

    [Fact]
    public void EveryHostileFileButTheZipBombIsUnderOneMegabyte()
    {
        foreach (var (name, content) in HostileFiles.All().Where(f => f.FileName != "zip-bomb.xlsx"))
        {
            var size = content().Length;
            Assert.True(size < 1024 * 1024, $"{name}: {size:N0} bytes");
        }
    }

    private static string Entry(byte[] package, string name, int maxChars = int.MaxValue)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        var buffer = new char[Math.Min(maxChars, 1 << 20)];
        var n = reader.ReadBlock(buffer);
        return new string(buffer, 0, n);
    }
}
