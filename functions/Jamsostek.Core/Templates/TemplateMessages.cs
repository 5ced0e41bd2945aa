using System.Text;
using Jamsostek.Core.Findings;
using static Jamsostek.Core.Findings.FindingArgument;

namespace Jamsostek.Core.Templates;

/// <summary>
/// What header detection's findings say, as data; FindingText.resx and its English twin hold the words, written for
/// the office clerk who fixes the sheet: what is wrong, where, and what to do.
/// </summary>
public static class TemplateMessages
{
    public static FindingMessage MissingColumn(string column, int headerRow, IEnumerable<string> accepted) =>
        new(FindingCode.HeaderMissingColumn, Literal("column", column), Literal("headerRow", headerRow), Literal("accepted", string.Join(", ", accepted)));

    public static FindingMessage DuplicateColumn(string column, string firstCell, string firstHeader, string secondCell, string secondHeader) =>
        new(FindingCode.HeaderDuplicateColumn, Literal("column", column), Literal("firstCell", firstCell), Literal("firstHeader", Display(firstHeader)),
            Literal("secondCell", secondCell), Literal("secondHeader", Display(secondHeader)));

    public static FindingMessage HeaderNotFound(int rowsScanned) => new(FindingCode.HeaderNotFound, Literal("rows", rowsScanned));

    // Header cells may hold line breaks and runs of spaces; a message quotes them on one line.
    private static string Display(string header)
    {
        var text = new StringBuilder(header.Length);
        var space = false;
        foreach (var c in header.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                text.Append(' ');
                space = false;
            }
            text.Append(c);
        }
        return text.ToString();
    }
}
