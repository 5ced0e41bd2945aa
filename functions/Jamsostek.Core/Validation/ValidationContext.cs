using Jamsostek.Core.Regions;

namespace Jamsostek.Core.Validation;

/// <summary>What validating one upload's rows needs besides the rows.</summary>
/// <param name="Region">The upload's region (its folder).</param>
/// <param name="Sheet">The sheet findings name.</param>
/// <param name="FieldColumns">Field name to column letters ("nik" to "B"), so a blank cell still gets an address.</param>
/// <param name="Today">The date "today" means for defaults; in the region's time zone.</param>
public sealed record ValidationContext(
    RegionCode Region,
    string Sheet,
    IReadOnlyDictionary<string, string> FieldColumns,
    DateOnly Today)
{
    /// <summary>The cell a finding about a field points at; null when the sheet has no such column.</summary>
    public string? CellOf(StagedRow row, string field) =>
        row[field]?.Cell ?? (FieldColumns.TryGetValue(field, out var column)
            ? column + row.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null);
}
