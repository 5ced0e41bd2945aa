using System.Collections.ObjectModel;
using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Templates;

/// <summary>A heading that matches no field of the template (or repeats one already mapped).</summary>
public readonly record struct UnrecognisedColumn(int ColumnIndex, string Header);

/// <summary>
/// Where a sheet's header is and which column holds which field; maps each data row below it.
/// </summary>
public sealed class SheetLayout
{
    private readonly int[] mappedColumns;
    private readonly TemplateField[] mappedFields;
    private readonly UnrecognisedColumn[] unrecognisedColumns;
    private readonly Dictionary<string, int> positionByName;

    internal SheetLayout(
        SheetTemplate template,
        int headerRowNumber,
        string?[] headerTexts,
        SortedDictionary<int, TemplateField> fieldsByColumn,
        UnrecognisedColumn[] unrecognisedColumns)
    {
        Template = template;
        HeaderRowNumber = headerRowNumber;
        HeaderTexts = Array.AsReadOnly(headerTexts);
        FieldsByColumn = new ReadOnlyDictionary<int, TemplateField>(fieldsByColumn);
        this.unrecognisedColumns = unrecognisedColumns;

        mappedColumns = new int[fieldsByColumn.Count];
        mappedFields = new TemplateField[fieldsByColumn.Count];
        positionByName = new Dictionary<string, int>(fieldsByColumn.Count, StringComparer.Ordinal);
        var position = 0;
        foreach (var (column, field) in fieldsByColumn)
        {
            mappedColumns[position] = column;
            mappedFields[position] = field;
            positionByName.Add(field.Name, position);
            position++;
        }
    }

    public SheetKind Kind => Template.Kind;

    public SheetTemplate Template { get; }

    /// <summary>The spreadsheet row number of the header (1-based, as the office sees it).</summary>
    public int HeaderRowNumber { get; }

    /// <summary>The field each recognised column holds, by 0-based column index.</summary>
    public IReadOnlyDictionary<int, TemplateField> FieldsByColumn { get; }

    /// <summary>
    /// The header row's texts as written, by 0-based column index (null for an empty heading), for the
    /// annotated copy of rejected rows.
    /// </summary>
    public IReadOnlyList<string?> HeaderTexts { get; }

    /// <summary>Columns with a heading that matches no field (or repeats one), in column order.</summary>
    public IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns => unrecognisedColumns;

    /// <summary>The sheet has a column for the field.</summary>
    public bool Has(string fieldName) => positionByName.ContainsKey(fieldName);

    /// <summary>The 0-based column index of the field, when the sheet has it.</summary>
    public bool TryGetColumn(string fieldName, out int columnIndex)
    {
        var position = PositionOf(fieldName);
        columnIndex = position < 0 ? -1 : mappedColumns[position];
        return position >= 0;
    }

    /// <summary>Each field the header holds and its column letters ("nik" in "B"), for findings about blank cells.</summary>
    public IReadOnlyDictionary<string, string> FieldColumns()
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, field) in FieldsByColumn.OrderBy(pair => pair.Key))
        {
            columns.TryAdd(field.Name, Sheets.CellAddress.ColumnName(column));
        }
        return columns;
    }

    /// <summary>The row's value for each field the header holds, with its cell address.</summary>
    public MappedRow Map(SheetRow row)
    {
        var values = row.Cells;
        var count = Math.Min(row.CellCount, values.Length);

        var cells = new MappedCell[mappedColumns.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var column = mappedColumns[i];
            cells[i] = new MappedCell(mappedFields[i], column < count ? values[column] : null, column, row.RowNumber);
        }

        var unrecognised = unrecognisedColumns.Length == 0
            ? []
            : new UnrecognisedCell[unrecognisedColumns.Length];
        for (var i = 0; i < unrecognised.Length; i++)
        {
            var (column, header) = unrecognisedColumns[i];
            unrecognised[i] = new UnrecognisedCell(column, header, column < count ? values[column] : null);
        }

        return new MappedRow(this, row.RowNumber, cells, unrecognised);
    }

    internal int PositionOf(string fieldName) => positionByName.TryGetValue(fieldName, out var position) ? position : -1;
}
