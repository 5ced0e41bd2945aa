using Jamsostek.Core.Sheets;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Ingestion;

/// <summary>Where a sheet says what date its data describes, and the date it gives.</summary>
/// <param name="Row">The sheet row of the line.</param>
/// <param name="Cell">The cell holding the date ("B2"), for a finding.</param>
/// <param name="Text">The date as typed.</param>
/// <param name="Date">The date, or null when the text is not one.</param>
public sealed record DataDate(int Row, string Cell, string Text, DateOnly? Date);

/// <summary>
/// Finds the "Tanggal Data: 30 November 2026" line offices put above the header of a snapshot sheet: a title cell
/// that starts with one of the labels below, followed in the same cell (after a colon, or after the label) or in the
/// next filled cell of the row by the date. A label with a colon ("Tanggal Data: ...") always counts, so a date the
/// office mistyped there is reported; without a colon the line counts only when a date follows, so a title such as
/// "Data per Kecamatan" is not taken for one.
/// </summary>
public static class DataDateLabel
{
    private static readonly string[] Labels =
    [
        .. new[]
        {
            "Tanggal Data", "Tgl Data", "Tgl. Data", "Data per Tanggal", "Data Tanggal", "Data per", "Posisi Data per",
            "Posisi Data", "Posisi per", "Keadaan per", "Per Tanggal", "Data Date", "As of",
        }.Select(Normalize.Key),
    ];

    /// <summary>The first data-date line among the rows above the header, or null when there is none.</summary>
    public static DataDate? Find(IEnumerable<SheetRow> rowsAboveHeader)
    {
        foreach (var row in rowsAboveHeader)
        {
            for (var column = 0; column < row.CellCount; column++)
            {
                if (row.Cells[column] is not string text || After(text) is not var (rest, explicitLabel))
                {
                    continue;
                }
                var found = rest.Length > 0 ? Read(row.RowNumber, column, rest, rest) : NextCell(row, column);
                if (found is not null && (explicitLabel || found.Date is not null))
                {
                    return found;
                }
            }
        }
        return null;
    }

    private static DataDate? NextCell(SheetRow row, int labelColumn)
    {
        for (var next = labelColumn + 1; next < row.CellCount; next++)
        {
            if (row.Cells[next] is { } value && !(value is string s && string.IsNullOrWhiteSpace(s)))
            {
                return Read(row.RowNumber, next, value, FieldValues.StagedText(value));
            }
        }
        return null;
    }

    private static DataDate Read(int row, int column, object value, string text)
    {
        var parsed = IndonesianDate.Parse(value);
        return new DataDate(row, CellAddress.Of(column, row), text, parsed.IsOk ? parsed.Value : null);
    }

    /// <summary>What follows a label at the start of the text (trimmed, colon dropped) and whether a colon closed the label; null when it starts with none.</summary>
    private static (string Text, bool Explicit)? After(string text)
    {
        var colon = text.IndexOf(':');
        var head = colon >= 0 ? text[..colon] : text;
        var key = Normalize.Key(head);
        foreach (var label in Labels)
        {
            if (colon >= 0 ? key == label : key.StartsWith(label, StringComparison.Ordinal))
            {
                return colon >= 0 ? (text[(colon + 1)..].Trim(), true) : (RestAfterLabel(text, label.Length), false);
            }
        }
        return null;
    }

    /// <summary>The text after the first <paramref name="letters"/> letters and digits (the label), trimmed.</summary>
    private static string RestAfterLabel(string text, int letters)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && ++seen == letters)
            {
                return text[(i + 1)..].Trim();
            }
        }
        return "";
    }
}
