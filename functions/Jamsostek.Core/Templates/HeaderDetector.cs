using System.Globalization;
using System.Numerics;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Templates;

/// <summary>
/// Finds the header row of a sheet and what kind of sheet it is. The header may sit below title rows
/// ("DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025") and blank rows.
/// </summary>
/// <remarks>
/// Each of the first <see cref="RowsToScan"/> rows is matched against every template. The header is the row and
/// template with the most distinct fields recognised, at least <see cref="MinimumFields"/> of them and at least one
/// required field of that template (or a field standing in for one). Ties go to the row with more required fields,
/// then to the earlier row, then to enrolments. So the kind comes from the whole row: "Nomor PKS" alone says
/// nothing, but NIK, Nama and Tanggal Lahir beside it do.
/// </remarks>
public static class HeaderDetector
{
    public const int RowsToScan = 30;

    public const int MinimumFields = 3;

    /// <param name="rows">The first rows of the sheet, in order; rows past <see cref="RowsToScan"/> are ignored.</param>
    /// <param name="sheetName">The sheet the findings name, if any.</param>
    public static HeaderDetection Detect(IReadOnlyList<SheetRow> rows, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(rows);

        var scanned = Math.Min(rows.Count, RowsToScan);
        var bestRow = -1;
        SheetTemplate? bestTemplate = null;
        int bestFields = 0, bestRequired = 0;
        for (var r = 0; r < scanned; r++)
        {
            foreach (var template in SheetTemplate.All)
            {
                var recognised = Recognise(rows[r], template);
                var fields = BitOperations.PopCount(recognised);
                var required = BitOperations.PopCount(recognised & template.RequiredMask);
                if (fields < MinimumFields || required == 0)
                {
                    continue;
                }
                if (bestTemplate is null || fields > bestFields || (fields == bestFields && required > bestRequired))
                {
                    (bestRow, bestTemplate, bestFields, bestRequired) = (r, template, fields, required);
                }
            }
        }

        if (bestTemplate is null)
        {
            Finding notFound = new(
                FindingCode.HeaderNotFound,
                Severity.Error,
                TemplateMessages.HeaderNotFound(scanned),
                Sheet: sheetName);
            return new HeaderDetection(null, [notFound]);
        }
        return Lay(rows[bestRow], bestTemplate, sheetName);
    }

    // The fields a row's cells name, as bits by index in the template's fields.
    private static ulong Recognise(SheetRow row, SheetTemplate template)
    {
        ulong recognised = 0;
        var count = Math.Min(row.CellCount, row.Cells.Length);
        for (var c = 0; c < count; c++)
        {
            if (row.Cells[c] is string text)
            {
                var index = template.IndexOf(text);
                if (index >= 0)
                {
                    recognised |= 1UL << index;
                }
            }
        }
        return recognised;
    }

    private static HeaderDetection Lay(SheetRow header, SheetTemplate template, string? sheetName)
    {
        var fields = template.Fields;
        var count = Math.Min(header.CellCount, header.Cells.Length);
        var headerTexts = new string?[count];
        var fieldsByColumn = new SortedDictionary<int, TemplateField>();
        var unrecognised = new List<UnrecognisedColumn>();
        var findings = new List<Finding>();
        var firstColumn = new int[fields.Count];
        Array.Fill(firstColumn, -1);

        for (var c = 0; c < count; c++)
        {
            var text = HeaderText(header.Cells[c]);
            headerTexts[c] = text;
            if (text is null)
            {
                continue;
            }

            var index = header.Cells[c] is string ? template.IndexOf(text) : -1;
            if (index < 0)
            {
                unrecognised.Add(new UnrecognisedColumn(c, text));
            }
            else if (firstColumn[index] < 0)
            {
                firstColumn[index] = c;
                fieldsByColumn.Add(c, fields[index]);
            }
            else
            {
                // The first column keeps the field; the repeat is carried along like any unknown column.
                unrecognised.Add(new UnrecognisedColumn(c, text));
                findings.Add(DuplicateColumn(header.RowNumber, fields[index], firstColumn[index], headerTexts[firstColumn[index]]!, c, text, sheetName));
            }
        }

        AddMissingColumns(header, template, firstColumn, sheetName, findings);
        var layout = new SheetLayout(template, header.RowNumber, headerTexts, fieldsByColumn, [.. unrecognised]);
        return new HeaderDetection(layout, findings);
    }

    private static Finding DuplicateColumn(int headerRow, TemplateField field, int firstColumn, string firstText, int column, string text, string? sheetName)
    {
        var secondCell = CellAddress.Of(column, headerRow);
        return new Finding(
            FindingCode.HeaderDuplicateColumn,
            Severity.Error,
            TemplateMessages.DuplicateColumn(field.Header, CellAddress.Of(firstColumn, headerRow), firstText, secondCell, text),
            Sheet: sheetName,
            Row: headerRow,
            Cell: secondCell,
            Field: field.Name,
            Value: text);
    }

    /// <summary>HEADER_MISSING_COLUMN for each required field with no column and no column standing in for it.</summary>
    private static void AddMissingColumns(SheetRow header, SheetTemplate template, int[] firstColumn, string? sheetName, List<Finding> findings)
    {
        for (var i = 0; i < template.Fields.Count; i++)
        {
            var field = template.Fields[i];
            if (!field.Required || firstColumn[i] >= 0 || HasStandIn(template, firstColumn, field))
            {
                continue;
            }
            findings.Add(new Finding(
                FindingCode.HeaderMissingColumn,
                Severity.Error,
                TemplateMessages.MissingColumn(field.Header, header.RowNumber, AcceptedHeaders(template, field)),
                Sheet: sheetName,
                Row: header.RowNumber,
                Field: field.Name));
        }
    }

    private static bool HasStandIn(SheetTemplate template, int[] firstColumn, TemplateField field)
    {
        for (var i = 0; i < template.Fields.Count; i++)
        {
            if (firstColumn[i] >= 0 && template.Fields[i].StandsInFor == field.Name)
            {
                return true;
            }
        }
        return false;
    }

    // What a missing-column message suggests: the field's first three headings (spelling variants of one heading
    // count once), then the first two of any field that stands in for it ("Tempat/Tgl Lahir", "TTL").
    private static List<string> AcceptedHeaders(SheetTemplate template, TemplateField field)
    {
        var accepted = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddDistinct(field, 3);
        foreach (var other in template.Fields)
        {
            if (other.StandsInFor == field.Name)
            {
                AddDistinct(other, 2);
            }
        }
        return accepted;

        void AddDistinct(TemplateField source, int take)
        {
            foreach (var alias in source.Aliases)
            {
                if (take == 0)
                {
                    return;
                }
                if (keys.Add(HeaderKey.Of(alias)))
                {
                    accepted.Add(alias);
                    take--;
                }
            }
        }
    }

    // The heading as written, for messages and the rejected-rows file; null when the cell is empty.
    private static string? HeaderText(object? cell) => cell switch
    {
        string text => string.IsNullOrWhiteSpace(text) ? null : text,
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        null => null,
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };
}
