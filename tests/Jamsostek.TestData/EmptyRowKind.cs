namespace Jamsostek.TestData;

/// <summary>How a run of empty rows is written in a sheet.</summary>
public enum EmptyRowKind
{
    /// <summary>No row at all: the row numbers jump (what a cleared range leaves in .xlsx).</summary>
    Absent,

    /// <summary>Rows with a fill or format and no cells (a whole column formatted).</summary>
    Styled,

    /// <summary>Rows whose cells hold empty text (a CSV's ";;;;" lines, cells cleared to "").</summary>
    EmptyStrings,
}
