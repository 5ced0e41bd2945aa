using Jamsostek.Core.Exports;

namespace Jamsostek.Core.Digest;

/// <summary>
/// One recipient's digest, ready to send: the subject, a plain-text body, an HTML body that shows the chart through
/// <c>cid:{ChartContentId}</c>, the tables for the XLSX attachment (the same numbers as the bodies) and the chart's data.
/// </summary>
public sealed record DigestMessage(
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<DigestTable> Tables,
    string WorkbookFileName,
    string ChartContentId,
    string ChartFileName,
    DigestChartData Chart)
{
    /// <summary>The compliance section's chart, shown by <c>cid:{ContentId}</c>; null when the digest has none (no section, or one snapshot).</summary>
    public ComplianceChartData? ComplianceChart { get; init; }
}

/// <summary>A table of the digest: a sheet of the attachment and, but for the summary, a table of the HTML body.</summary>
/// <param name="WhenEmpty">What the email says in its place when the table has no rows.</param>
public sealed record DigestTable(string SheetName, string Title, IReadOnlyList<string> Columns, IReadOnlyList<DigestCell[]> Rows, string WhenEmpty = "");

/// <summary>A value as the spreadsheet holds it (numbers as numbers, dates as dates) and as a person reads it in the email.</summary>
public readonly record struct DigestCell(TableCell Value, string Display)
{
    public static DigestCell Empty => new(TableCell.Empty, "");
}

/// <summary>Bars of active workers, and of the target where there is one, for the region and each segment.</summary>
public sealed record DigestChartData(string Title, string ActiveLabel, string TargetLabel, IReadOnlyList<string> Labels,
    IReadOnlyList<int> Active, IReadOnlyList<int?> Target);

/// <summary>Bars of the total owed at each of the region's last compliance snapshots, oldest first; an inline image of the email.</summary>
public sealed record ComplianceChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<decimal> OwedIdr, string ContentId, string FileName);
