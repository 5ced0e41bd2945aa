namespace Jamsostek.TestData;

/// <summary>
/// One worksheet to write. <paramref name="Rows"/> is enumerated once, lazily, while the sheet is written,
/// so it may be an iterator over hundreds of thousands of rows. A null or empty row array leaves that
/// spreadsheet row empty (row numbers still advance). Cell values: <see cref="string"/> (text),
/// <see cref="double"/>/<see cref="float"/>/<see cref="int"/>/<see cref="long"/>/<see cref="decimal"/> and other
/// numeric types (numbers), <see cref="DateTime"/>/<see cref="DateOnly"/> (date serials with a date style),
/// <see cref="bool"/>, null (no cell); anything else is written as its invariant text.
/// </summary>
/// <param name="Name">Sheet name (1-31 characters, none of <c>[]:*?/\</c>).</param>
/// <param name="Rows">The rows, first row is spreadsheet row 1.</param>
/// <param name="Hidden">Whether the sheet tab is hidden.</param>
/// <param name="MergedRanges">Merged ranges such as <c>"A1:H1"</c> for title rows.</param>
public sealed record SheetSpec(
    string Name,
    IEnumerable<object?[]> Rows,
    bool Hidden = false,
    IReadOnlyList<string>? MergedRanges = null);
