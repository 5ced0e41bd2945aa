using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Uploads;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Samples;

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
    /// <summary>How long to wait for the uploads of one group (agreements, then enrolments and compliance sheets) to be final.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

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
        output.WriteLine($"Samples     {RepositoryPaths.Display(folder)} -> container {UploadBlobNames.Container} (first start only; blobs already there are kept)");
        output.WriteLine($"            status at GET {new Uri(api.BaseAddress!, "api/uploads?region=...")}; findings and rejected rows in container {ReportBlobNames.Container} ({blobs.Uri.ToString().TrimEnd('/')}/{ReportBlobNames.Container})");
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
        var container = blobs.GetBlobContainerClient(UploadBlobNames.Container);
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
                    ? new SampleOutcome(sheet, false, SampleOutcome.NotUploaded) { RejectionMessage = failure }
                    : await OutcomeOfAsync(sheet, uploaded, settled.GetValueOrDefault(sheet.BlobName), cancellationToken);
                if (!outcome.IsFinal && outcome.Status != SampleOutcome.NotUploaded)
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
    private async Task<Dictionary<string, UploadSummary>> WaitForRecordsAsync(IReadOnlyList<SampleSheet> sheets, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, UploadSummary>(StringComparer.Ordinal);
        var deadline = Clock.GetUtcNow() + Wait;
        while (true)
        {
            foreach (var region in sheets.Where(s => !Settled(latest.GetValueOrDefault(s.BlobName))).Select(s => s.Region).Distinct())
            {
                var uploads = await UploadsOfAsync(region, cancellationToken);
                foreach (var sheet in sheets.Where(s => s.Region == region))
                {
                    // Newest first: the same name uploaded again with other content has a record of its own.
                    if (uploads.FirstOrDefault(u => u.File == sheet.BlobName) is { } record)
                    {
                        latest[sheet.BlobName] = record;
                    }
                }
            }
            if (sheets.All(s => Settled(latest.GetValueOrDefault(s.BlobName))) || Clock.GetUtcNow() >= deadline)
            {
                return latest;
            }
            await Task.Delay(PollInterval, Clock, cancellationToken);
        }
    }

    /// <summary>Final; for a duplicate, the upload holding its content final too (the API gives its status as it is now).</summary>
    private static bool Settled(UploadSummary? record) => UploadStatus.HasStopped(record?.Status)
        && (record!.Status != UploadStatus.Duplicate || UploadStatus.HasStopped(record.DuplicateOf?.Status));

    /// <summary>GET /api/uploads?region=...: the region's uploads, newest first.</summary>
    private async Task<IReadOnlyList<UploadSummary>> UploadsOfAsync(string region, CancellationToken cancellationToken)
    {
        using var response = await GetAsync($"api/uploads?region={Uri.EscapeDataString(region)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            SampleLog.ApiRefused(logger, "api/uploads", (int)response.StatusCode);
            return [];
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(body, SampleJsonContext.Default.UploadList, cancellationToken))?.Uploads ?? [];
    }

    private async Task<SampleOutcome> OutcomeOfAsync(SampleSheet sheet, bool uploaded, UploadSummary? record, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            return new SampleOutcome(sheet, uploaded, null);
        }
        var outcome = new SampleOutcome(sheet, uploaded, record.Status)
        {
            UploadId = record.UploadId,
            RowsRead = record.Rows.Read,
            BlankRows = record.Rows.Blank,
            RowsAccepted = record.Rows.Accepted,
            RowsRejected = record.Rows.Rejected,
            Warnings = record.Rows.Warnings,
            RejectionMessage = record.RejectionMessage,
            FailureReason = record.FailureReason,
            DuplicateOfFile = record.DuplicateOf?.File,
            DuplicateOfStatus = record.DuplicateOf?.Status,
        };
        if (!UploadStatus.IsValidated(outcome.Status))
        {
            return outcome;
        }
        return await FindingsByCodeAsync(outcome.UploadId!, cancellationToken) is { } byCode
            ? outcome with { Errors = byCode.Errors, WarningCodes = byCode.Warnings }
            // No report to read: the record's top errors (at most three codes) are all there is.
            : outcome with { Errors = [.. record.TopErrors.Select(top => (top.Code, top.Count))] };
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
                (finding.GetProperty("severity").GetString() == SeverityName.Error ? errors : warnings).Add(code);
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

/// <summary>The app's answers the start-up job reads, in the API's JSON (camelCase, as ASP.NET Core writes it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UploadList))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
