using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Templates;

/// <summary>
/// The value of one field in one row, as the sheet holds it (string, double, DateTime, bool or null).
/// <see cref="Cell"/> is built on demand, since most cells never need their address.
/// </summary>
public readonly record struct MappedCell(TemplateField Field, object? Value, int ColumnIndex, int RowNumber)
{
    /// <summary>The cell address as the office sees it, like "B6".</summary>
    public string Cell => CellAddress.Of(ColumnIndex, RowNumber);

    /// <summary>Null, or text that is only white space.</summary>
    public bool IsEmpty => Value is null || (Value is string text && string.IsNullOrWhiteSpace(text));
}

/// <summary>A cell under a heading that matches no field; kept for the annotated copy of rejected rows.</summary>
public readonly record struct UnrecognisedCell(int ColumnIndex, string Header, object? Value);

/// <summary>One data row laid out by field. Values are copied out of the reader's row, so the row may be reused.</summary>
public sealed class MappedRow
{
    private readonly SheetLayout layout;
    private readonly MappedCell[] cells;
    private readonly UnrecognisedCell[] unrecognised;

    internal MappedRow(SheetLayout layout, int rowNumber, MappedCell[] cells, UnrecognisedCell[] unrecognised)
    {
        this.layout = layout;
        RowNumber = rowNumber;
        this.cells = cells;
        this.unrecognised = unrecognised;
    }

    /// <summary>The spreadsheet row number (1-based, title rows and header included).</summary>
    public int RowNumber { get; }

    /// <summary>One cell per field the header holds, in column order.</summary>
    public IReadOnlyList<MappedCell> Cells => cells;

    /// <summary>The cells under unrecognised headings, in the order of <see cref="SheetLayout.UnrecognisedColumns"/>.</summary>
    public IReadOnlyList<UnrecognisedCell> Unrecognised => unrecognised;

    /// <summary>The field's cell, when the sheet has that column (its value may still be empty).</summary>
    public bool TryGet(string fieldName, out MappedCell cell)
    {
        var position = layout.PositionOf(fieldName);
        cell = position < 0 ? default : cells[position];
        return position >= 0;
    }

    /// <summary>The field's value, or null when the sheet has no such column or the cell is empty.</summary>
    public object? ValueOf(string fieldName) => TryGet(fieldName, out var cell) ? cell.Value : null;
}
