using Azure.Data.Tables;
using Jamsostek.Core.Exports;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Reports;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>The uploads an office made: their statuses, counts, findings and rejected rows.</summary>
public static class UploadsApi
{
    internal static async Task<Results<Ok<UploadList>, ProblemHttpResult>> ListAsync(HttpContext context, UploadStore uploads, ILogger<UploadStore> logger,
        CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        if (ApiQuery.Region(context, access, logger, out var region) is { } problem)
        {
            return problem;
        }
        var language = ApiProblems.LanguageOf(context);
        var records = await uploads.ListAsync(region, cancellationToken);
        // A duplicate's holder is in the same region, so in the same list: its status as it is now, without another read.
        var byId = records.ToDictionary(r => r.UploadId, StringComparer.Ordinal);
        return TypedResults.Ok(new UploadList([.. records.Where(r => access.CanSee(r.Region))
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => UploadSummaries.From(r, language, r.DuplicateOf is { } holder ? byId.GetValueOrDefault(holder) : null))]));
    }

    internal static async Task<Results<Ok<UploadSummary>, ProblemHttpResult>> GetAsync(string uploadId, HttpContext context, UploadStore uploads,
        ILogger<UploadStore> logger, CancellationToken cancellationToken)
    {
        var (record, problem) = await FindAsync(uploadId, context, uploads, logger, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var holder = record!.DuplicateOf is { } holderId ? await uploads.FindAsync(record.Region, holderId, cancellationToken) : null;
        return TypedResults.Ok(UploadSummaries.From(record, ApiProblems.LanguageOf(context), holder));
    }

    internal static async Task<IResult> FindingsAsync(string uploadId, HttpContext context, UploadStore uploads, ReportStore reports,
        ILogger<UploadStore> logger, CancellationToken cancellationToken)
    {
        if (ApiQuery.Format(context, out var format) is { } badFormat)
        {
            return badFormat;
        }
        var (record, problem) = await FindAsync(uploadId, context, uploads, logger, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var language = ApiProblems.LanguageOf(context);
        if (record!.Status == UploadStatus.Rejected)
        {
            // A rejected file has one finding, about the file itself.
            var message = language == Language.En ? record.RejectionMessageEn ?? record.RejectionMessage : record.RejectionMessage;
            var finding = new FindingLine(record.RejectionCode ?? "", SeverityName.Error, null, null, null, null, null, message ?? "", record.RejectionMessageEn ?? "");
            if (format == ExportFormat.Json)
            {
                return TypedResults.Ok(new RejectedFileReport(record.UploadId, record.Region, record.BlobName, record.Status, false, [finding]));
            }
            await TableExport.WriteAsync(context, format, $"temuan-{uploadId}", FindingColumns, Single(finding, language), cancellationToken);
            return TypedResults.Empty;
        }
        if (record.Status == UploadStatus.Duplicate)
        {
            return ApiProblems.DuplicateHasNoFindings(language, record.DuplicateOf ?? "", record.DuplicateOfBlob ?? "");
        }
        if (!UploadStatus.IsValidated(record.Status))
        {
            return ApiProblems.NotReady(language, record.Status);
        }
        var pii = AccessKeyMiddleware.Of(context).Pii;
        if (format == ExportFormat.Json && pii)
        {
            var blob = reports.Blob(ReportBlobNames.FindingsReport(uploadId));
            return TypedResults.Stream(await blob.OpenReadAsync(cancellationToken: cancellationToken), "application/json; charset=utf-8");
        }
        if (format == ExportFormat.Json)
        {
            // The stored report as it is, but each finding on a personal field without its value (streamed, finding by finding).
            context.Response.ContentType = "application/json; charset=utf-8";
            await WriteFindingsJsonAsync(context.Response.Body, reports, record, line => line.WithoutPersonalData(), cancellationToken);
            return TypedResults.Empty;
        }
        await TableExport.WriteAsync(context, format, $"temuan-{uploadId}", FindingColumns,
            FindingRowsAsync(reports, record, language, pii ? line => line : line => line.WithoutPersonalData(), cancellationToken), cancellationToken);
        return TypedResults.Empty;
    }

    internal static async Task<IResult> RejectedAsync(string uploadId, HttpContext context, UploadStore uploads, ReportStore reports,
        ILogger<UploadStore> logger, CancellationToken cancellationToken)
    {
        var format = context.Request.Query["format"].FirstOrDefault()?.ToLowerInvariant() ?? "xlsx";
        var language = ApiProblems.LanguageOf(context);
        if (format is not ("xlsx" or "csv"))
        {
            return ApiProblems.BadParameter(language, "format", "xlsx, csv");
        }
        var (record, problem) = await FindAsync(uploadId, context, uploads, logger, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (!AccessKeyMiddleware.Of(context).Pii)
        {
            return ApiProblems.PiiForbidden(language);
        }
        if (record!.RowsRejected == 0 || !UploadStatus.IsValidated(record.Status))
        {
            return ApiProblems.NotFound(language, language == Language.En ? "A rejected-rows file for this upload" : "Berkas baris ditolak untuk unggahan ini");
        }
        var blob = reports.Blob(format == "csv" ? ReportBlobNames.RejectedRowsCsv(uploadId) : ReportBlobNames.RejectedRowsXlsx(uploadId));
        return TypedResults.Stream(await blob.OpenReadAsync(cancellationToken: cancellationToken),
            format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"baris-ditolak-{uploadId}.{format}");
    }

    /// <summary>The upload, or the problem: 404 for an id that is not an upload's, 403 for another region's.</summary>
    private static async Task<(UploadRecord? Record, ProblemHttpResult? Problem)> FindAsync(string uploadId, HttpContext context, UploadStore uploads,
        ILogger logger, CancellationToken cancellationToken)
    {
        var language = ApiProblems.LanguageOf(context);
        var notFound = ApiProblems.NotFound(language, language == Language.En ? $"Upload {uploadId}" : $"Unggahan {uploadId}");
        var region = UploadIds.RegionOf(uploadId);
        if (region.Length != 4 || !region.All(char.IsAsciiDigit))
        {
            return (null, notFound);
        }
        if (ApiQuery.Allowed(context, AccessKeyMiddleware.Of(context), logger, region) is { } forbidden)
        {
            return (null, forbidden);
        }
        var record = await uploads.FindAsync(region, uploadId, cancellationToken);
        return record is null ? (null, notFound) : (record, null);
    }

    public static readonly IReadOnlyList<string> FindingColumns = ["code", "severity", "sheet", "row", "cell", "field", "value", "message"];

    private static async IAsyncEnumerable<TableCell[]> Single(FindingLine finding, Language language)
    {
        yield return Row(finding, language);
        await Task.CompletedTask;
    }

    private static TableCell[] Row(FindingLine f, Language language) =>
        [f.Code, f.Severity, f.Sheet, f.Row is { } row ? row : TableCell.Empty, f.Cell, f.Field, f.Value, language == Language.En ? f.MessageEn : f.Message];

    private static async IAsyncEnumerable<TableCell[]> FindingRowsAsync(ReportStore reports, UploadRecord record, Language language,
        Func<FindingLine, FindingLine> shown, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var finding in FindingsAsync(reports, record, cancellationToken))
        {
            yield return Row(shown(finding), language);
        }
    }

    private static async IAsyncEnumerable<FindingLine> FindingsAsync(ReportStore reports, UploadRecord record,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var finding in reports.FindingsAsync(record.UploadId, record.Chunks, cancellationToken))
        {
            yield return FindingLine.From(finding);
        }
    }

    /// <summary>The findings report in the shape of the stored findings.json, each finding passed through <paramref name="shown"/>.</summary>
    private static async Task WriteFindingsJsonAsync(Stream body, ReportStore reports, UploadRecord record, Func<FindingLine, FindingLine> shown,
        CancellationToken cancellationToken)
    {
        await using var json = new System.Text.Json.Utf8JsonWriter(body);
        FindingsReportJson.WriteStart(json, record, record.Status, record.RowsAccepted, record.RowsRejected, record.Warnings);
        var written = 0;
        await foreach (var finding in FindingsAsync(reports, record, cancellationToken))
        {
            // To bytes first: serializing into the writer would flush it synchronously into the response.
            json.WriteRawValue(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(shown(finding), ReportJsonContext.Default.FindingLine), skipInputValidation: true);
            if (++written % 1_000 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        FindingsReportJson.WriteEnd(json);
        await json.FlushAsync(cancellationToken);
    }
}

/// <summary>The findings report of a file rejected as a whole: the same shape as findings.json, one file-level finding.</summary>
public sealed record RejectedFileReport(string UploadId, string Region, string File, string Status, bool Valid, IReadOnlyList<FindingLine> Findings);
