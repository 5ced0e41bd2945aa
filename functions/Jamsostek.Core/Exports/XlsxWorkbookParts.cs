using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using WorkbookSheets = DocumentFormat.OpenXml.Spreadsheet.Sheets;

namespace Jamsostek.Core.Exports;

/// <summary>
/// The parts of a workbook other than its sheets: content types, relationships, the workbook and its styles. They
/// are small and fixed, so they go first; the sheet parts, written row by row, come last, in order.
/// </summary>
internal static class XlsxWorkbookParts
{
    /// <summary>The part of the sheet at <paramref name="index"/> (0-based).</summary>
    public static string SheetPathOf(int index) => $"xl/worksheets/sheet{index + 1}.xml";
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Cell formats (indices into cellXfs) the sheet refers to.
    public const string DateStyle = "1";
    public const string HeaderStyle = "2";
    public const string GuardedTextStyle = "3";
    public const string GuardedHeaderStyle = "4";

    private const uint DayMonthYearFormatId = 164; // the first id free for custom formats
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string DocumentRelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string OfficeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    public static void Write(ZipArchive zip, string sheetName) => Write(zip, [sheetName]);

    public static void Write(ZipArchive zip, IReadOnlyList<string> sheetNames)
    {
        WriteEntry(zip, "[Content_Types].xml", s => WriteContentTypes(s, sheetNames.Count));
        WriteEntry(zip, "_rels/.rels", s => WriteRelationships(s, [("rId1", OfficeDocumentRelationship, "xl/workbook.xml")]));
        WriteEntry(zip, "xl/workbook.xml", s => WriteRoot(s, Workbook(sheetNames)));
        WriteEntry(zip, "xl/_rels/workbook.xml.rels", s => WriteRelationships(
            s,
            [.. sheetNames.Select((_, i) => ($"rId{i + 1}", WorksheetRelationship, $"worksheets/sheet{i + 1}.xml")),
                ($"rId{sheetNames.Count + 1}", StylesRelationship, "styles.xml")]));
        WriteEntry(zip, "xl/styles.xml", s => WriteRoot(s, Stylesheet()));
    }

    /// <summary>Each name valid (<see cref="ThrowIfInvalidSheetName"/>), at least one, none twice (Excel compares them ignoring case).</summary>
    public static void ThrowIfInvalidSheetNames(IReadOnlyList<string> sheetNames)
    {
        ArgumentNullException.ThrowIfNull(sheetNames);
        if (sheetNames.Count == 0)
        {
            throw new ArgumentException("A workbook has at least one sheet.", nameof(sheetNames));
        }
        foreach (var name in sheetNames)
        {
            ThrowIfInvalidSheetName(name);
        }
        if (sheetNames.Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheetNames.Count)
        {
            throw new ArgumentException("Two sheets of a workbook cannot share a name (capitals aside).", nameof(sheetNames));
        }
    }

    /// <summary>Excel's rules for a sheet name: 1 to 31 characters, none of []:*?/\, not starting or ending with an apostrophe.</summary>
    public static void ThrowIfInvalidSheetName(string sheetName)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        if (string.IsNullOrWhiteSpace(sheetName) || sheetName.Length > 31 || sheetName.AsSpan().IndexOfAny("[]:*?/\\") >= 0
            || sheetName.StartsWith('\'') || sheetName.EndsWith('\''))
        {
            throw new ArgumentException($"'{sheetName}' is not a valid sheet name (1-31 characters, none of []:*?/\\, not starting or ending with ').", nameof(sheetName));
        }
    }

    private static Workbook Workbook(IReadOnlyList<string> sheetNames)
    {
        var workbook = new Workbook(new WorkbookSheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));
        workbook.AddNamespaceDeclaration("r", DocumentRelationshipsNamespace);
        return workbook;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DayMonthYearFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = DayMonthYearFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, QuotePrefix = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(stream);
    }

    private static void WriteRoot(Stream stream, OpenXmlElement root)
    {
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static void WriteContentTypes(Stream stream, int sheets)
    {
        using var xml = CreateXmlWriter(stream);
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Types", ContentTypesNamespace);
        WriteDefault("rels", "application/vnd.openxmlformats-package.relationships+xml");
        WriteDefault("xml", "application/xml");
        WriteOverride("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 0; i < sheets; i++)
        {
            WriteOverride("/" + SheetPathOf(i), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }
        WriteOverride("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        xml.WriteEndElement();

        void WriteDefault(string extension, string contentType)
        {
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        void WriteOverride(string partName, string contentType)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", partName);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }
    }

    private static void WriteRelationships(Stream stream, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        using var xml = CreateXmlWriter(stream);
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNamespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static XmlWriter CreateXmlWriter(Stream stream) =>
        XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
}
