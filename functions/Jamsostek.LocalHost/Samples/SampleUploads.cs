using System.Globalization;
using Azure;
using Azure.Data.Tables;
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
}

/// <summary>What became of one sample: whether this run uploaded it, and its upload record once it left "received".</summary>
public sealed record SampleOutcome(SampleSheet Sheet, bool Uploaded, string? Status, int RowsRead, int Chunks, int BlankRows, string? RejectionMessage)
{
    /// <summary>"5204/peserta-sumbawa-2026.xlsx -> validating, 312 rows in 1 chunk".</summary>
    public string Describe(TimeSpan waited)
    {
        var outcome = Status switch
        {
            null => $"no upload record after {waited.TotalSeconds:0} s",
            UploadStatuses.Received => $"still received after {waited.TotalSeconds:0} s",
            UploadStatuses.Rejected => $"rejected: {RejectionMessage}",
            UploadStatuses.NotUploaded => $"not uploaded: {RejectionMessage}",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"{Status}, {Count(RowsRead, "row")} in {Count(Chunks, "chunk")}{(BlankRows > 0 ? $", {Count(BlankRows, "blank row")} skipped" : "")}"),
        };
        return $"{Sheet.BlobName} -> {outcome}{(Uploaded || Status == UploadStatuses.NotUploaded ? "" : " (uploaded before)")}";
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}

/// <summary>
/// Uploads the sheets in samples/{region}/ to the uploads container the first time the local system starts, so a
/// newcomer sees ingestion happen, then reports each upload's status as IngestUpload recorded it. A blob that is
/// already there is left alone (a restart uploads nothing), and only the local emulator gets samples: a real
/// storage account named in local.settings.json never does.
/// </summary>
public sealed class SampleUploads(BlobServiceClient blobs, TableServiceClient tables, ILogger logger)
{
    public const string Container = "uploads";
    public const string Table = "uploads";

    /// <summary>How long to wait for the uploads of one group (agreements, then enrolments) to leave "received".</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the account is the emulator's (Azurite, "UseDevelopmentStorage=true" or its explicit form).</summary>
    public bool IsDevelopmentStorage => blobs.AccountName == DevServices.DevServices.AccountName;

    /// <summary>Every file in a region folder of <paramref name="folder"/>, agreements first, then by region and name.</summary>
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
            .OrderBy(sheet => sheet.IsAgreements ? 0 : 1)
            .ThenBy(sheet => sheet.Region, StringComparer.Ordinal)
            .ThenBy(sheet => sheet.FileName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Uploads the agreements and waits for their records, then the same for the enrolments, writing one line per
    /// sheet to <paramref name="output"/>.
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

        output.WriteLine($"Samples     {folder} -> container {Container} (first start only; blobs already there are kept)");
        var outcomes = new List<SampleOutcome>();
        try
        {
            await UploadAndReportAsync(sheets, outcomes, output, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
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
                    ? new SampleOutcome(sheet, false, UploadStatuses.NotUploaded, 0, 0, 0, failure)
                    : OutcomeOf(sheet, uploaded, settled.GetValueOrDefault(sheet.BlobName));
                if (outcome.Status is null or UploadStatuses.Received)
                {
                    SampleLog.NoRecord(logger, sheet.BlobName, Wait.TotalSeconds);
                }
                output.WriteLine("  " + outcome.Describe(Wait));
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

    /// <summary>Polls the uploads table until every sheet's newest record has left "received", or the wait is over.</summary>
    private async Task<Dictionary<string, TableEntity>> WaitForRecordsAsync(IReadOnlyList<SampleSheet> sheets, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(Table);
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            foreach (var sheet in sheets.Where(s => !Settled(latest.GetValueOrDefault(s.BlobName))))
            {
                if (await NewestRecordAsync(table, sheet, cancellationToken) is { } record)
                {
                    latest[sheet.BlobName] = record;
                }
            }
            if (sheets.All(s => Settled(latest.GetValueOrDefault(s.BlobName))) || DateTime.UtcNow >= deadline)
            {
                return latest;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static bool Settled(TableEntity? record) =>
        record is not null && record.GetString("Status") is { } status && status != UploadStatuses.Received;

    /// <summary>The record of the blob's latest content: the same name uploaded again with other content gets a record of its own.</summary>
    private static async Task<TableEntity?> NewestRecordAsync(TableClient table, SampleSheet sheet, CancellationToken cancellationToken)
    {
        TableEntity? newest = null;
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {sheet.Region} and BlobName eq {sheet.BlobName}");
            await foreach (var record in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (newest is null || record.GetDateTimeOffset("ReceivedAt") > newest.GetDateTimeOffset("ReceivedAt"))
                {
                    newest = record;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The app creates the table with its first upload record.
        }
        return newest;
    }

    private static SampleOutcome OutcomeOf(SampleSheet sheet, bool uploaded, TableEntity? record) => new(
        sheet,
        uploaded,
        record?.GetString("Status"),
        record?.GetInt32("RowsRead") ?? 0,
        record?.GetInt32("Chunks") ?? 0,
        record?.GetInt32("BlankRows") ?? 0,
        record?.GetString("RejectionMessage"));

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
    public const string Rejected = "rejected";

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

    [LoggerMessage(EventId = 73, Level = LogLevel.Warning, Message = "Sample {BlobName} has no upload record past 'received' after {Seconds} s; is IngestUpload running?")]
    public static partial void NoRecord(ILogger logger, string blobName, double seconds);

    [LoggerMessage(EventId = 75, Level = LogLevel.Warning, Message = "Samples stopped: storage failed ({ExceptionType}: {Reason})")]
    public static partial void StorageFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 74, Level = LogLevel.Information, Message = "Samples not uploaded: storage account {AccountName} is not the local emulator")]
    public static partial void NotDevelopmentStorage(ILogger logger, string accountName);
}
