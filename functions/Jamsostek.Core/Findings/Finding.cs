namespace Jamsostek.Core.Findings;

/// <summary>
/// One finding, pinned where the office sees it: sheet, 1-based row number as in the spreadsheet (title rows
/// and header included; for CSV the line), cell address like B17, the field and the offending value (NIK masked).
/// The message is data (a template key and its arguments), put into words by <see cref="FindingText"/> only when
/// a report, export or email is written, in the language that reader asked for.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    FindingMessage Message,
    string? Sheet = null,
    int? Row = null,
    string? Cell = null,
    string? Field = null,
    string? Value = null);
