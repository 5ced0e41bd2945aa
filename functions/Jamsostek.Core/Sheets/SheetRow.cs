namespace Jamsostek.Core.Sheets;

/// <summary>
/// One row as a reader found it. <see cref="Cells"/> hold what the sheet holds: <c>string</c>, <c>double</c>
/// (a number cell), <c>DateTime</c> (a date-formatted cell), <c>bool</c>, or null for an empty cell.
/// The array may be reused by the reader for the next row: copy what you keep.
/// </summary>
public readonly record struct SheetRow(int RowNumber, object?[] Cells, int CellCount)
{
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < CellCount; i++)
            {
                if (Cells[i] is not null && (Cells[i] is not string text || !string.IsNullOrWhiteSpace(text)))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
