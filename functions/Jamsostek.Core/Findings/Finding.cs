namespace Jamsostek.Core.Findings;

/// <summary>
/// One finding, pinned where the office sees it: sheet, 1-based row number as in the spreadsheet (title rows
/// and header included; for CSV the line), cell address like B17, the field, the offending value (NIK masked)
/// and a message in the office's language.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string? Sheet = null,
    int? Row = null,
    string? Cell = null,
    string? Field = null,
    string? Value = null);
