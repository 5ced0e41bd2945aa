namespace Jamsostek.Core.Uploads;

/// <summary>
/// Where the office's files for an upload are kept once it is validated: container <c>reports</c>, one folder per
/// upload id. The app writes them; the API serves them; the local host names them for a newcomer to open.
/// </summary>
public static class ReportBlobNames
{
    public const string Container = "reports";

    /// <summary>"{uploadId}/findings.json": valid, stats and every finding (Frictionless-like).</summary>
    public static string FindingsReport(string uploadId) => $"{uploadId}/findings.json";

    /// <summary>"{uploadId}/rejected.xlsx": the rejected rows with a column of reasons, ready to fix and upload again.</summary>
    public static string RejectedRowsXlsx(string uploadId) => $"{uploadId}/rejected.xlsx";

    /// <summary>"{uploadId}/rejected.csv": the same rows as <see cref="RejectedRowsXlsx"/>.</summary>
    public static string RejectedRowsCsv(string uploadId) => $"{uploadId}/rejected.csv";
}
