using System.Net;
using System.Text;
using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Digest;

/// <summary>How every section of the digest lays out its lines in the plain text and its tables in the HTML.</summary>
internal static class DigestLayout
{
    /// <summary>A heading, a line per item ("- ...") or what stands in their place, <paramref name="after"/> when given, and a blank line.</summary>
    public static void AppendTextSection(StringBuilder text, string heading, IEnumerable<string> lines, string none, string? after = null)
    {
        text.AppendLine(heading);
        var any = false;
        foreach (var line in lines)
        {
            text.Append("- ").AppendLine(line);
            any = true;
        }
        if (!any)
        {
            text.AppendLine(none);
        }
        if (after is not null)
        {
            text.AppendLine(after);
        }
        text.AppendLine();
    }

    /// <summary>The table's first <paramref name="maxRows"/> rows with inline styles, numbers right-aligned; its <see cref="DigestTable.WhenEmpty"/> when it has none.</summary>
    public static void AppendHtmlTable(StringBuilder html, DigestTable table, int maxRows)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("<p style=\"margin:0;font-size:14px;color:#5b6b7c;\">").Append(WebUtility.HtmlEncode(table.WhenEmpty)).Append("</p>");
            return;
        }
        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;font-size:13px;\"><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th style=\"text-align:left;padding:4px 6px;border-bottom:2px solid #c9d2dc;\">").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }
        html.Append("</tr>");
        foreach (var row in table.Rows.Take(maxRows))
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = cell.Value.Kind is TableCellKind.Integer or TableCellKind.Decimal or TableCellKind.Double;
                html.Append("<td style=\"padding:4px 6px;border-bottom:1px solid #e3e8ee;").Append(numeric ? "text-align:right;white-space:nowrap;" : "")
                    .Append("\">").Append(WebUtility.HtmlEncode(cell.Display)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
    }
}
