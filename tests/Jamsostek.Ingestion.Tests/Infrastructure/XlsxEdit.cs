using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>
/// Edits a cell of a generated .xlsx, for what the writer does not produce (a formula with its cached value, as
/// Excel saves one).
/// </summary>
public static partial class XlsxEdit
{
    /// <summary>
    /// Replaces the cell at <paramref name="address"/> of the first worksheet by <c>&lt;c r="address" {attributes}&gt;{content}&lt;/c&gt;</c>,
    /// where <paramref name="content"/> uses unprefixed SpreadsheetML element names (<c>&lt;f&gt;</c>, <c>&lt;v&gt;</c>).
    /// </summary>
    public static byte[] ReplaceCell(byte[] xlsx, string address, string attributes, string content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new ArgumentException("No first worksheet.", nameof(xlsx));
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }
            var cell = new Regex($"<(?<p>\\w+:)?c r=\"{address}\"[^>]*>.*?</\\k<p>c>");
            var match = cell.Match(xml);
            if (!match.Success)
            {
                throw new ArgumentException($"The sheet has no cell {address}.", nameof(address));
            }
            var prefix = match.Groups["p"].Value;
            var replacement = $"<{prefix}c r=\"{address}\" {attributes}>{Prefixed().Replace(content, $"<$1{prefix}")}</{prefix}c>";
            xml = string.Concat(xml.AsSpan(0, match.Index), replacement, xml.AsSpan(match.Index + match.Length));
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return buffer.ToArray();
    }

    [GeneratedRegex("<(/?)(?=[a-z])")]
    private static partial Regex Prefixed();
}
