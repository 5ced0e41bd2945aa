using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jamsostek.TestData.Internal;

/// <summary>One worksheet part: its tab name, visibility and a callback writing the part's XML.</summary>
internal sealed record XlsxSheetEntry(
    string Name,
    bool Hidden,
    Action<Stream> WriteXml,
    CompressionLevel Compression = CompressionLevel.Optimal);

/// <summary>
/// Writes a SpreadsheetML package straight into a <see cref="ZipArchive"/> in create mode: every part is
/// deflated as it is written and nothing is buffered, so a worksheet of any size streams through.
/// (The Open XML SDK's own package on .NET opens the zip in update mode, which keeps every part
/// uncompressed in memory until the package is closed; see dotnet/Open-XML-SDK#807.)
/// The part XML is produced with the SDK's <see cref="OpenXmlWriter"/> and its element classes.
/// </summary>
internal static class XlsxPackage
{
    public const uint StyleDefault = 0;
    public const uint StyleDate = 1;
    public const uint StyleDateTime = 2;
    public const uint StyleHighlight = 3;

    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string OfficeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string WorksheetRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string StylesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    private const string SharedStringsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
    internal const string DocumentRelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    internal const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static void Write(
        Stream output,
        IReadOnlyList<XlsxSheetEntry> sheets,
        Action<Stream>? writeSharedStrings = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateSheets(sheets);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);

        WriteEntry(zip, "[Content_Types].xml", s => WriteContentTypes(s, sheets.Count, writeSharedStrings is not null));
        WriteEntry(zip, "_rels/.rels", s => WriteRelationships(s, [("rId1", OfficeDocumentRel, "xl/workbook.xml")]));
        WriteEntry(zip, "xl/workbook.xml", s => WriteWorkbook(s, sheets));

        var workbookRels = new List<(string Id, string Type, string Target)>();
        for (var i = 0; i < sheets.Count; i++)
        {
            workbookRels.Add(($"rId{i + 1}", WorksheetRel, $"worksheets/sheet{i + 1}.xml"));
        }

        workbookRels.Add(($"rId{sheets.Count + 1}", StylesRel, "styles.xml"));
        if (writeSharedStrings is not null)
        {
            workbookRels.Add(($"rId{sheets.Count + 2}", SharedStringsRel, "sharedStrings.xml"));
        }

        WriteEntry(zip, "xl/_rels/workbook.xml.rels", s => WriteRelationships(s, workbookRels));
        WriteEntry(zip, "xl/styles.xml", WriteStyles);
        if (writeSharedStrings is not null)
        {
            WriteEntry(zip, "xl/sharedStrings.xml", writeSharedStrings);
        }

        for (var i = 0; i < sheets.Count; i++)
        {
            WriteEntry(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i].WriteXml, sheets[i].Compression);
        }
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        write(stream);
    }

    private static void ValidateSheets(IReadOnlyList<XlsxSheetEntry> sheets)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        if (sheets.All(s => s.Hidden))
        {
            throw new ArgumentException("A workbook needs at least one visible sheet.", nameof(sheets));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            ValidateSheetName(sheet.Name);
            if (!seen.Add(sheet.Name))
            {
                throw new ArgumentException($"Two sheets are named '{sheet.Name}'.", nameof(sheets));
            }
        }
    }

    internal static void ValidateSheetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
            || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ArgumentException($"'{name}' is not a valid sheet name (1-31 characters, none of []:*?/\\, not starting or ending with ').");
        }
    }

    private static XmlWriter CreateXmlWriter(Stream stream) => XmlWriter.Create(stream, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = false,
    });

    private static void WriteContentTypes(Stream stream, int sheetCount, bool sharedStrings)
    {
        using var xml = CreateXmlWriter(stream);
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Types", ContentTypesNs);
        WriteDefault(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        WriteDefault(xml, "xml", "application/xml");
        WriteOverride(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            WriteOverride(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        WriteOverride(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        if (sharedStrings)
        {
            WriteOverride(xml, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void WriteDefault(XmlWriter xml, string extension, string contentType)
        {
            xml.WriteStartElement("Default", ContentTypesNs);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        static void WriteOverride(XmlWriter xml, string partName, string contentType)
        {
            xml.WriteStartElement("Override", ContentTypesNs);
            xml.WriteAttributeString("PartName", partName);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }
    }

    private static void WriteRelationships(Stream stream, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        using var xml = CreateXmlWriter(stream);
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Relationships", RelationshipsNs);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNs);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteWorkbook(Stream stream, IReadOnlyList<XlsxSheetEntry> sheets)
    {
        var firstVisible = 0;
        while (sheets[firstVisible].Hidden)
        {
            firstVisible++;
        }

        var sheetElements = new Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = new Sheet
            {
                Name = sheets[i].Name,
                SheetId = (uint)(i + 1),
                Id = $"rId{i + 1}",
            };
            if (sheets[i].Hidden)
            {
                sheet.State = SheetStateValues.Hidden;
            }

            sheetElements.Append(sheet);
        }

        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = (uint)firstVisible, FirstSheet = (uint)firstVisible }),
            sheetElements);
        workbook.AddNamespaceDeclaration("r", DocumentRelationshipsNs);
        WriteRoot(stream, workbook);
    }

    private static void WriteStyles(Stream stream)
    {
        var stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
            { Count = 1 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFFF00" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()))
            { Count = 1 },
            new CellStyleFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
            { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 22, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 2, BorderId = 0, FormatId = 0, ApplyFill = true })
            { Count = 4 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        WriteRoot(stream, stylesheet);
    }

    private static void WriteRoot(Stream stream, OpenXmlElement root)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }
}
