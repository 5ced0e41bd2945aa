using System.Text.Json;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Text;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Reports;

/// <summary>
/// The office's files for a final upload, made from the chunks' report parts one chunk at a time:
/// <c>findings.json</c> (Frictionless-like: valid, stats, findings, each put into words in both languages here) and
/// the rejected rows as XLSX and CSV (see <see cref="RejectedRowsFile"/>).
/// </summary>
public static class UploadReportWriter
{
    /// <returns>The most frequent error codes of the upload, "CODE:count" comma separated, for the upload record.</returns>
    public static async Task<string?> WriteAsync(ReportStore reports, StagingStore staging, UploadRecord record, string status, int accepted, int rejected, int warnings,
        IReadOnlyList<Finding> uploadFindings, CancellationToken cancellationToken)
    {
        var errorCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var part = new MemoryStream())
        {
            foreach (var finding in uploadFindings)
            {
                JsonSerializer.Serialize(part, finding, ReportPartJsonContext.Default.Finding);
                part.WriteByte((byte)'\n');
            }
            await reports.WriteAsync(ReportStore.FindingsPart(record.UploadId, 0), part.ToArray(), cancellationToken);
        }
        await using (var stream = await reports.OpenWriteAsync(ReportBlobNames.FindingsReport(record.UploadId), cancellationToken))
        await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            FindingsReportJson.WriteStart(json, record, status, accepted, rejected, warnings);
            var written = 0;
            await foreach (var finding in reports.FindingsAsync(record.UploadId, record.Chunks, cancellationToken))
            {
                if (finding.Severity == Severity.Error)
                {
                    errorCounts[finding.Code] = errorCounts.GetValueOrDefault(finding.Code) + 1;
                }
                // To bytes first: serializing into the writer would flush it, and so commit the blob, after every finding.
                json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(FindingLine.From(finding), ReportJsonContext.Default.FindingLine), skipInputValidation: true);
                if (++written % 1_000 == 0)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }
            FindingsReportJson.WriteEnd(json);
        }
        if (rejected > 0)
        {
            await RejectedRowsFile.WriteAsync(reports, staging, record, cancellationToken);
        }
        return errorCounts.Count == 0
            ? null
            : string.Join(',', errorCounts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(3)
                .Select(pair => $"{pair.Key}:{pair.Value}"));
    }
}
