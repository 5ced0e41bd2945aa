using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Samples;

/// <summary>A sheet in samples/{region}/, uploaded as uploads/{region}/{file}.</summary>
public sealed record SampleSheet(string Region, string FileName, string Path)
{
    public string BlobName => $"{Region}/{FileName}";

    /// <summary>Agreement sheets are named perjanjian-*: they go first, because enrolments refer to agreements.</summary>
    public bool IsAgreements => FileName.StartsWith("perjanjian", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Employer compliance sheets are named kepatuhan-*: they refer to nothing, so they go with the enrolments and are
    /// reported after them.
    /// </summary>
    public bool IsCompliance => FileName.StartsWith("kepatuhan", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What became of one sample: whether this run uploaded it, and its upload record once validation made it final
/// (or as it stood when the wait ran out), with the findings by code from its findings report.
/// </summary>
public sealed record SampleOutcome(SampleSheet Sheet, bool Uploaded, string? Status)
{
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

    public bool IsFinal => UploadStatuses.IsFinal(Status);

    /// <summary>"reports/{uploadId}/findings.json": the container and the blob, as Storage Explorer shows them.</summary>
    public string FindingsBlob => $"{SampleUploads.ReportsContainer}/{UploadId}/findings.json";

    public string RejectedRowsBlob => $"{SampleUploads.ReportsContainer}/{UploadId}/rejected.xlsx";

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
            UploadStatuses.Received => $"still received after {seconds}",
            UploadStatuses.Validating => $"still validating after {seconds} ({Count(RowsRead, "row")}); " +
                $"GET /api/uploads/{UploadId} tells when it is final",
            UploadStatuses.Rejected => $"rejected: {RejectionMessage}",
            UploadStatuses.Failed => $"failed: {FailureReason}",
            UploadStatuses.NotUploaded => $"not uploaded: {RejectionMessage}",
            UploadStatuses.Duplicate => $"duplicate of {DuplicateOfFile} ({DuplicateOfStatus ?? "no record"}): the same content, not checked again",
            UploadStatuses.Completed or UploadStatuses.CompletedWithErrors => Validated(),
            _ => $"{Status} after {seconds}",
        };
        var first = $"{Sheet.BlobName} -> {outcome}{(Uploaded || Status == UploadStatuses.NotUploaded ? "" : " (uploaded before)")}";
        if (Status is not (UploadStatuses.Completed or UploadStatuses.CompletedWithErrors))
        {
            return [first];
        }
        var files = $"    findings: {FindingsBlob}{(RowsRejected > 0 ? $", rejected rows: {RejectedRowsBlob} (and rejected.csv)" : "")}";
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

/// <summary>
/// Uploads the sheets in samples/{region}/ to the uploads container the first time the local system starts, as an
/// office would, so a newcomer sees the pipeline work; then follows each upload through the app's HTTP API (the
/// region's uploads, then the findings of each, with the development key) until validation made it final, and
/// reports its counts, its findings by code and the blobs the office gets back (container reports). A blob that is
/// already there is left alone (a restart uploads nothing), and only the local emulator gets samples: a real storage
/// account named in local.settings.json never does.
/// </summary>
public sealed class SampleUploads(BlobServiceClient blobs, HttpClient api, string? accessKey, ILogger logger)
{
    public const string Container = "uploads";

    /// <summary>Where ValidateChunk writes the office's files: {uploadId}/findings.json, rejected.xlsx, rejected.csv.</summary>
    public const string ReportsContainer = "reports";

    /// <summary>How long to wait for the uploads of one group (agreements, then enrolments and compliance sheets) to be final.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the account is the emulator's (Azurite, "UseDevelopmentStorage=true" or its explicit form).</summary>
    public bool IsDevelopmentStorage => blobs.AccountName == DevServices.DevServices.AccountName;

    /// <summary>
    /// Every file in a region folder of <paramref name="folder"/>: agreements, then enrolments (and anything else), then
    /// compliance sheets, each by region and name.
    /// </summary>
    public static IReadOnlyList<SampleSheet> Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.EnumerateDirectories(folder)
            .Where(region => !Path.GetFileName(region).StartsWith('.'))
            .SelectMany(region => Directory.EnumerateFiles(region)
                .Where(file => !Path.GetFileName(file).StartsWith('.'))
                .Select(file => new SampleSheet(Path.GetFileName(region), Path.GetFileName(file), file)))
            .OrderBy(sheet => sheet.IsAgreements ? 0 : sheet.IsCompliance ? 2 : 1)
            .ThenBy(sheet => sheet.Region, StringComparer.Ordinal)
            .ThenBy(sheet => sheet.FileName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Uploads the agreements and waits until they are validated (enrolments refer to them), then the same for the
    /// rest at once (enrolments and compliance sheets, which refer to nothing), writing one or two lines per sheet to
    /// <paramref name="output"/>.
    /// </summary>
    public async Task<IReadOnlyList<SampleOutcome>> RunAsync(string folder, TextWriter output, CancellationToken cancellationToken = default)
    {
        var sheets = Find(folder);
        if (sheets.Count == 0)
        {
            return [];
        }
        if (!IsDevelopmentStorage)
        {
            SampleLog.NotDevelopmentStorage(logger, blobs.AccountName);
            output.WriteLine($"Samples     not uploaded: AzureWebJobsStorage is account {blobs.AccountName}, not the local emulator");
            return [];
        }

        if (string.IsNullOrEmpty(accessKey))
        {
            output.WriteLine("Samples     not uploaded: no JamsostekDevKey setting to follow them through the API with (local.settings.example.json has one)");
            return [];
        }
        output.WriteLine($"Samples     {RepositoryPaths.Display(folder)} -> container {Container} (first start only; blobs already there are kept)");
        output.WriteLine($"            status at GET {new Uri(api.BaseAddress!, "api/uploads?region=...")}; findings and rejected rows in container {ReportsContainer} ({blobs.Uri.ToString().TrimEnd('/')}/{ReportsContainer})");
        var outcomes = new List<SampleOutcome>();
        try
        {
            await UploadAndReportAsync(sheets, outcomes, output, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            // Storage that stops answering should not stop the local system: the health line already tells.
            SampleLog.StorageFailed(logger, ex.GetType().Name, ex.Message);
            output.WriteLine($"  samples stopped: storage failed ({ex.Message.Split('\n')[0]})");
        }
        return outcomes;
    }

    private async Task UploadAndReportAsync(IReadOnlyList<SampleSheet> sheets, List<SampleOutcome> outcomes, TextWriter output, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var group in sheets.GroupBy(sheet => sheet.IsAgreements))
        {
            var uploads = new List<(SampleSheet Sheet, bool Uploaded, string? Failure)>();
            foreach (var sheet in group)
            {
                uploads.Add(await UploadAsync(container, sheet, cancellationToken));
            }
            var settled = await WaitForRecordsAsync([.. uploads.Where(u => u.Failure is null).Select(u => u.Sheet)], cancellationToken);
            foreach (var (sheet, uploaded, failure) in uploads)
            {
                var outcome = failure is not null
                    ? new SampleOutcome(sheet, false, UploadStatuses.NotUploaded) { RejectionMessage = failure }
                    : await OutcomeOfAsync(sheet, uploaded, settled.GetValueOrDefault(sheet.BlobName), cancellationToken);
                if (!outcome.IsFinal && outcome.Status != UploadStatuses.NotUploaded)
                {
                    SampleLog.NotFinal(logger, sheet.BlobName, outcome.Status ?? "(no record)", Wait.TotalSeconds);
                }
                foreach (var line in outcome.Describe(Wait))
                {
                    output.WriteLine("  " + line);
                }
                outcomes.Add(outcome);
            }
        }
    }

    private async Task<(SampleSheet Sheet, bool Uploaded, string? Failure)> UploadAsync(BlobContainerClient container, SampleSheet sheet, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(sheet.BlobName);
        try
        {
            // If-None-Match: * makes "upload unless it exists" one request, so two hosts starting at once upload once.
            await blob.UploadAsync(sheet.Path, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(sheet.FileName) },
            }, cancellationToken);
            SampleLog.Uploaded(logger, sheet.BlobName, new FileInfo(sheet.Path).Length);
            return (sheet, true, null);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            SampleLog.AlreadyThere(logger, sheet.BlobName);
            return (sheet, false, null);
        }
        catch (RequestFailedException ex)
        {
            SampleLog.UploadFailed(logger, sheet.BlobName, ex.Status, ex.ErrorCode ?? "");
            return (sheet, false, $"{ex.Status} {ex.ErrorCode}");
        }
    }

    /// <summary>Asks the app for each sheet's region's uploads until every sheet's newest record is final, or the wait is over.</summary>
    private async Task<Dictionary<string, JsonObject>> WaitForRecordsAsync(IReadOnlyList<SampleSheet> sheets, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            foreach (var region in sheets.Where(s => !Settled(latest.GetValueOrDefault(s.BlobName))).Select(s => s.Region).Distinct())
            {
                var uploads = await UploadsOfAsync(region, cancellationToken);
                foreach (var sheet in sheets.Where(s => s.Region == region))
                {
                    // Newest first: the same name uploaded again with other content has a record of its own.
                    if (uploads.FirstOrDefault(u => (string?)u["file"] == sheet.BlobName) is { } record)
                    {
                        latest[sheet.BlobName] = record;
                    }
                }
            }
            if (sheets.All(s => Settled(latest.GetValueOrDefault(s.BlobName))) || DateTime.UtcNow >= deadline)
            {
                return latest;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Final; for a duplicate, the upload holding its content final too (the API gives its status as it is now).</summary>
    private static bool Settled(JsonObject? record) => UploadStatuses.IsFinal((string?)record?["status"])
        && ((string?)record?["status"] != UploadStatuses.Duplicate || UploadStatuses.IsFinal((string?)record?["duplicateOf"]?["status"]));

    /// <summary>GET /api/uploads?region=...: the region's uploads, newest first.</summary>
    private async Task<IReadOnlyList<JsonObject>> UploadsOfAsync(string region, CancellationToken cancellationToken)
    {
        using var response = await GetAsync($"api/uploads?region={Uri.EscapeDataString(region)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            SampleLog.ApiRefused(logger, "api/uploads", (int)response.StatusCode);
            return [];
        }
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. body?["uploads"]?.AsArray().OfType<JsonObject>() ?? []];
    }

    private async Task<SampleOutcome> OutcomeOfAsync(SampleSheet sheet, bool uploaded, JsonObject? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return new SampleOutcome(sheet, uploaded, null);
        }
        var rows = record["rows"] as JsonObject;
        var outcome = new SampleOutcome(sheet, uploaded, (string?)record["status"])
        {
            UploadId = (string?)record["uploadId"],
            RowsRead = (int?)rows?["read"] ?? 0,
            BlankRows = (int?)rows?["blank"] ?? 0,
            RowsAccepted = (int?)rows?["accepted"] ?? 0,
            RowsRejected = (int?)rows?["rejected"] ?? 0,
            Warnings = (int?)rows?["warnings"] ?? 0,
            RejectionMessage = (string?)record["rejectionMessage"],
            FailureReason = (string?)record["failureReason"],
            DuplicateOfFile = (string?)record["duplicateOf"]?["file"],
            DuplicateOfStatus = (string?)record["duplicateOf"]?["status"],
        };
        if (outcome.Status is not (UploadStatuses.Completed or UploadStatuses.CompletedWithErrors))
        {
            return outcome;
        }
        return await FindingsByCodeAsync(outcome.UploadId!, cancellationToken) is { } byCode
            ? outcome with { Errors = byCode.Errors, WarningCodes = byCode.Warnings }
            // No report to read: the record's top errors (at most three codes) are all there is.
            : outcome with { Errors = [.. (record["topErrors"] as JsonArray ?? []).OfType<JsonObject>().Select(c => ((string)c["code"]!, (int)c["count"]!))] };
    }

    /// <summary>The findings report's error and warning codes with their counts (GET /api/uploads/{id}/findings); null when there is none.</summary>
    private async Task<(List<(string, int)> Errors, List<(string, int)> Warnings)?> FindingsByCodeAsync(string uploadId, CancellationToken cancellationToken)
    {
        using var response = await GetAsync($"api/uploads/{Uri.EscapeDataString(uploadId)}/findings", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        try
        {
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var report = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
            var errors = new List<string>();
            var warnings = new List<string>();
            foreach (var finding in report.RootElement.GetProperty("findings").EnumerateArray())
            {
                var code = finding.GetProperty("code").GetString() ?? "";
                (finding.GetProperty("severity").GetString() == "error" ? errors : warnings).Add(code);
            }
            return (ByCount(errors), ByCount(warnings));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            SampleLog.ReportUnreadable(logger, uploadId, ex.GetType().Name);
            return null;
        }
    }

    private Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", accessKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return api.SendAsync(request, cancellationToken);
    }

    // Most frequent first; a tie keeps the order of the sheet, which is the report's.
    private static List<(string, int)> ByCount(List<string> codes) =>
        [.. codes.GroupBy(code => code, StringComparer.Ordinal).Select(group => (group.Key, group.Count())).OrderByDescending(pair => pair.Item2)];

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        ".csv" => "text/csv",
        _ => "application/octet-stream",
    };
}

/// <summary>The statuses of the app's upload records that the report tells apart, and one of its own.</summary>
internal static class UploadStatuses
{
    public const string Received = "received";
    public const string Validating = "validating";
    public const string Completed = "completed";
    public const string CompletedWithErrors = "completed_with_errors";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";

    /// <summary>Nothing more happens to the upload by itself (a failed one only when an operator reprocesses it).</summary>
    public static bool IsFinal(string? status) => status is Completed or CompletedWithErrors or Rejected or Failed or Duplicate;

    /// <summary>Not a record's status: the upload itself failed.</summary>
    public const string NotUploaded = "not uploaded";
}

internal static partial class SampleLog
{
    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "Uploaded sample {BlobName} ({Bytes} bytes)")]
    public static partial void Uploaded(ILogger logger, string blobName, long bytes);

    [LoggerMessage(EventId = 71, Level = LogLevel.Debug, Message = "Sample {BlobName} is already uploaded; left as it is")]
    public static partial void AlreadyThere(ILogger logger, string blobName);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "Sample {BlobName} could not be uploaded ({Status} {ErrorCode})")]
    public static partial void UploadFailed(ILogger logger, string blobName, int status, string errorCode);

    [LoggerMessage(EventId = 73, Level = LogLevel.Warning, Message = "Sample {BlobName} is {Status} after {Seconds} s, not final yet; are IngestUpload and ValidateChunk running?")]
    public static partial void NotFinal(ILogger logger, string blobName, string status, double seconds);

    [LoggerMessage(EventId = 76, Level = LogLevel.Warning, Message = "Findings report of upload {UploadId} could not be read ({ExceptionType}); counts by code left out")]
    public static partial void ReportUnreadable(ILogger logger, string uploadId, string exceptionType);

    [LoggerMessage(EventId = 75, Level = LogLevel.Warning, Message = "Samples stopped: storage failed ({ExceptionType}: {Reason})")]
    public static partial void StorageFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 77, Level = LogLevel.Warning, Message = "The app answered {Status} to GET {Path}: is JamsostekDevKey set in local.settings.json?")]
    public static partial void ApiRefused(ILogger logger, string path, int status);

    [LoggerMessage(EventId = 74, Level = LogLevel.Information, Message = "Samples not uploaded: storage account {AccountName} is not the local emulator")]
    public static partial void NotDevelopmentStorage(ILogger logger, string accountName);
}
