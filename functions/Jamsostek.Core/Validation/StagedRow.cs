using System.Globalization;

namespace Jamsostek.Core.Validation;

/// <summary>One cell as ingestion staged it: where it is, what the office typed, and the parsed value or why not.</summary>
/// <param name="Value">The parsed value in its staged form: ISO date, number text, canonical code. Null on error.</param>
public sealed record StagedCell(string Field, string Cell, string Text, string? Value, string? Error, string? Problem)
{
    public bool IsError => Error is not null;
}

/// <summary>A cell under a heading that matches no field, kept for the rejected-rows file.</summary>
public sealed record StagedExtra(string Header, string Cell, string Text);

/// <summary>
/// One staged row (a line of a chunk, see <see cref="Ingestion.StagedRowWriter"/>). Cells are keyed by field name;
/// a field the sheet has no column for, or whose cell was blank, is absent.
/// </summary>
public sealed class StagedRow
{
    public StagedRow(int rowNumber, IReadOnlyDictionary<string, StagedCell> cells, IReadOnlyList<StagedExtra> extras, int? duplicateOf = null)
    {
        RowNumber = rowNumber;
        Cells = cells;
        Extras = extras;
        DuplicateOf = duplicateOf;
    }

    /// <summary>The spreadsheet row number as the office sees it.</summary>
    public int RowNumber { get; }

    public IReadOnlyDictionary<string, StagedCell> Cells { get; }

    public IReadOnlyList<StagedExtra> Extras { get; }

    /// <summary>The row where the same key (a NIK, an agreement number) first appears in the file, when this is a repeat.</summary>
    public int? DuplicateOf { get; }

    public StagedCell? this[string field] => Cells.TryGetValue(field, out var cell) ? cell : null;

    /// <summary>The parsed value of a field, null when blank, absent or unreadable.</summary>
    public string? Value(string field) => this[field]?.Value;

    public DateOnly? Date(string field) =>
        Value(field) is { } iso ? DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public decimal? Decimal(string field) =>
        Value(field) is { } number ? decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public int? Int(string field) =>
        Value(field) is { } number ? int.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
}
