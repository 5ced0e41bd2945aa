using System.Globalization;
using System.Text;
using Jamsostek.Core.Uploads;

namespace Jamsostek.LocalHost.Samples;

/// <summary>
/// What became of one sample: whether this run uploaded it, and its upload record once validation made it final
/// (or as it stood when the wait ran out), with the findings by code from its findings report.
/// </summary>
/// <param name="Status">One of <see cref="UploadStatus"/>'s, <see cref="NotUploaded"/>, or null when the app has no record of it.</param>
public sealed record SampleOutcome(SampleSheet Sheet, bool Uploaded, string? Status)
{
    /// <summary>Not a record's status: the upload itself failed.</summary>
    public const string NotUploaded = "not uploaded";

    public string? UploadId { get; init; }

    public int RowsRead { get; init; }

    public int BlankRows { get; init; }

    public int RowsAccepted { get; init; }

    public int RowsRejected { get; init; }

    public int Warnings { get; init; }

    public string? RejectionMessage { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>A duplicate's: the blob name of the upload that holds its content ("5204/peserta-sumbawa-2026.xlsx").</summary>
    public string? DuplicateOfFile { get; init; }

    /// <summary>A duplicate's: the status of the upload that holds its content, as the API gave it.</summary>
    public string? DuplicateOfStatus { get; init; }

    /// <summary>Error findings by code, most frequent first, then in sheet order.</summary>
    public IReadOnlyList<(string Code, int Count)> Errors { get; init; } = [];

    /// <summary>Warnings by code, most frequent first, then in sheet order.</summary>
    public IReadOnlyList<(string Code, int Count)> WarningCodes { get; init; } = [];

    /// <summary>Nothing more happens to the upload by itself (a failed one only when an operator reprocesses it).</summary>
    public bool IsFinal => UploadStatus.HasStopped(Status);

    /// <summary>"reports/{uploadId}/findings.json": the container and the blob, as Storage Explorer shows them.</summary>
    public string FindingsBlob => $"{ReportBlobNames.Container}/{ReportBlobNames.FindingsReport(UploadId ?? "")}";

    public string RejectedRowsBlob => $"{ReportBlobNames.Container}/{ReportBlobNames.RejectedRowsXlsx(UploadId ?? "")}";

    /// <summary>
    /// "5204/peserta-sumbawa-2026.xlsx -> completed_with_errors: 307 of 312 rows accepted, 5 rejected (NIK_PRECISION_LOST 1, ...),
    /// 1 blank row skipped" and, for a validated upload, a second line naming its findings and rejected rows blobs.
    /// </summary>
    public IReadOnlyList<string> Describe(TimeSpan waited)
    {
        var seconds = string.Create(CultureInfo.InvariantCulture, $"{waited.TotalSeconds:0} s");
        var outcome = Status switch
        {
            null => $"no upload record after {seconds}",
            UploadStatus.Received => $"still received after {seconds}",
            UploadStatus.Validating => $"still validating after {seconds} ({Count(RowsRead, "row")}); " +
                $"GET /api/uploads/{UploadId} tells when it is final",
            UploadStatus.Rejected => $"rejected: {RejectionMessage}",
            UploadStatus.Failed => $"failed: {FailureReason}",
            NotUploaded => $"not uploaded: {RejectionMessage}",
            UploadStatus.Duplicate => $"duplicate of {DuplicateOfFile} ({DuplicateOfStatus ?? "no record"}): the same content, not checked again",
            UploadStatus.Completed or UploadStatus.CompletedWithErrors => Validated(),
            _ => $"{Status} after {seconds}",
        };
        var first = $"{Sheet.BlobName} -> {outcome}{(Uploaded || Status == NotUploaded ? "" : " (uploaded before)")}";
        if (!UploadStatus.IsValidated(Status))
        {
            return [first];
        }
        var files = $"    findings: {FindingsBlob}{(RowsRejected > 0 ? $", rejected rows: {RejectedRowsBlob} (and {Path.GetFileName(ReportBlobNames.RejectedRowsCsv(UploadId ?? ""))})" : "")}";
        return [first, files];
    }

    private string Validated()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{Status}: {RowsAccepted} of {Count(RowsRead, "row")} accepted"));
        if (RowsRejected > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {RowsRejected} rejected{ByCode(Errors)}");
        }
        if (Warnings > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Count(Warnings, "warning")}{ByCode(WarningCodes)}");
        }
        if (BlankRows > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Count(BlankRows, "blank row")} skipped");
        }
        return text.ToString();
    }

    private static string ByCode(IReadOnlyList<(string Code, int Count)> codes) => codes.Count == 0
        ? ""
        : $" ({string.Join(", ", codes.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Code} {c.Count}")))})";

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
