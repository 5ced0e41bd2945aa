using System.Diagnostics;
using Azure.Data.Tables;
using Jamsostek.Core.Uploads;
using Jamsostek.TestData;

namespace Jamsostek.Benchmarks;

/// <summary>
/// Many district offices at once, as at a monthly deadline: on a fresh Azurite and local host, each region uploads its
/// agreement (all regions together, every one completed before the next step), then every region's enrolment sheet is
/// written at the same moment. Measured: all rows over the time from the first blob write to the last upload's final
/// status, against the ceiling of the same rows (raw batched upserts into a fresh table); each region's time from its
/// blob write to its final status, and fairness, the slowest region's time over the median region's; the worker's
/// working set idle, at its peak and after the last upload.
/// </summary>
public static class Simulation
{
    /// <summary>
    /// Kemendagri regency and city codes the simulation uploads for, none of them used by the rest of the benchmark:
    /// Nusa Tenggara Barat, Nusa Tenggara Timur, Maluku, Bali, Maluku Utara, then Jawa Timur.
    /// </summary>
    public static IReadOnlyList<string> RegionCodes { get; } =
    [
        "5201", "5202", "5203", "5205", "5206", "5207", "5208", "5271", "5272",
        "5301", "5302", "5303", "5304", "5305", "5306", "5307", "5309", "5310", "5312", "5313", "5314", "5315", "5317", "5319", "5320", "5321", "5371",
        "8101", "8102", "8103", "8104", "8106", "8107", "8108", "8109", "8171", "8172",
        "5101", "5102", "5103", "5104", "5105", "5106", "5107", "5108", "5171",
        "8201", "8202", "8203", "8204",
        "3501", "3502", "3503", "3504", "3505", "3506", "3507", "3508", "3509", "3510", "3511", "3512", "3513", "3514", "3515", "3516", "3517",
        "3518", "3519", "3520", "3521", "3522", "3523", "3524", "3525", "3526", "3527", "3528", "3529",
        "3571", "3572", "3573", "3574", "3575", "3576", "3577", "3578", "3579",
    ];

    public static int MaxRegions => RegionCodes.Count;

    /// <summary>The agreements' and enrolments' year: coverage for all of 2027, as the rest of the benchmark.</summary>
    private const int Year = 2027;

    /// <summary>Fairness target: the slowest region's time at most twice the median region's.</summary>
    public const double FairnessTarget = 2;

    /// <summary>One region's enrolment upload.</summary>
    public sealed record RegionFigures(string Region, int Rows, int Accepted, int Rejected, double Seconds, double? StagedAfterSeconds,
        double FirstChunkSeconds, double LastChunkSeconds);

    public sealed record Figures(
        int Regions,
        int RowsPerRegion,
        double CeilingRowsPerSecond,
        double AgreementsSeconds,
        double Seconds,
        IReadOnlyList<RegionFigures> PerRegion,
        MemoryFigures Memory)
    {
        public int Rows => PerRegion.Sum(r => r.Rows);

        public double RowsPerSecond => Rows / Seconds;

        public double ToCeiling => RowsPerSecond / CeilingRowsPerSecond;

        private IReadOnlyList<double> Sorted => [.. PerRegion.Select(r => r.Seconds).Order()];

        public double FastestSeconds => Sorted[0];

        public double MedianSeconds => ColdStart.Median(Sorted);

        public double SlowestSeconds => Sorted[^1];

        /// <summary>The slowest region's time over the median region's (goal: at most <see cref="FairnessTarget"/>).</summary>
        public double Fairness => SlowestSeconds / MedianSeconds;

        /// <summary>When the last region's rows were all staged and its chunks queued (seconds after the first write).</summary>
        public double? AllStagedSeconds => PerRegion.All(r => r.StagedAfterSeconds is not null) ? PerRegion.Max(r => r.StagedAfterSeconds) : null;
    }

    public static async Task<Figures> RunAsync(string published, int regions, int rowsPerRegion, TimeSpan after, TextWriter log)
    {
        var codes = RegionCodes.Take(regions).ToList();
        log.WriteLine($"Simulation: {regions} regions x {rowsPerRegion:N0} rows; generating the sheets ...");
        var uploads = codes.Select((code, i) =>
        {
            var sheets = new BenchSheets(code, $"PKS/{code}/SIM/{Year}", Year);
            IReadOnlyList<object?[]> rows = sheets.Rows(rowsPerRegion, seed: 1000 + i);
            return (Sheets: sheets, Rows: rows);
        }).ToList();
        var files = uploads.Select(u => (u.Sheets, Agreement: u.Sheets.AgreementXlsx(rowsPerRegion * 2), Enrolment: BenchSheets.Xlsx(u.Rows))).ToList();

        log.WriteLine("  starting a fresh Azurite and local host on the published app ...");
        await using var system = await BenchSystem.StartAsync(published);
        var worker = system.WorkerProcessId;
        var idle = await WorkerMemory.IdleAsync(worker);
        var peak = ProcessMemory.StartMeasuring(worker);
        log.WriteLine($"  worker idle {idle?.ResidentMb:N0} MB ({idle?.AnonymousMb:N0} MB anonymous)");

        var ceilingTable = $"ceilingsim{regions}";
        var ceiling = await Ceiling.MeasureAsync(system, ceilingTable, [.. uploads.Select(u => (u.Sheets, u.Rows))]);
        // Out of Azurite's memory before the uploads: the simulation's own tables are what it should serve.
        await system.Table(ceilingTable).DeleteAsync();
        log.WriteLine($"  ceiling {ceiling:N0} entities/s ({regions * rowsPerRegion:N0} participant-shaped entities in {regions} partitions)");

        var agreementsClock = Stopwatch.StartNew();
        await Task.WhenAll(files.Select(f => system.UploadAsync(f.Sheets.Region, $"perjanjian-{f.Sheets.Region}.xlsx", f.Agreement)));
        var agreements = await WaitAllFinalAsync(system, [.. files.Select(f => (f.Sheets.Region, BenchSystem.UploadIdOf(f.Sheets.Region, f.Agreement)))], agreementsClock,
            TimeSpan.FromMinutes(5), staged: null);
        foreach (var record in agreements.Values)
        {
            Expect(record.GetString("Status") == UploadStatus.Completed, $"an agreement upload ended {record.GetString("Status")} ({record.GetString("FailureReason")})");
        }
        var agreementsSeconds = agreementsClock.Elapsed.TotalSeconds;
        log.WriteLine($"  {regions} agreements stored in {agreementsSeconds:N1} s; now every region's enrolment sheet at once ...");

        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var written = new DateTimeOffset[files.Count];
        await Task.WhenAll(files.Select(async (f, i) =>
        {
            written[i] = DateTimeOffset.UtcNow;
            await system.UploadAsync(f.Sheets.Region, $"peserta-{f.Sheets.Region}-{Year}.xlsx", f.Enrolment);
        }));
        var staged = new Dictionary<string, double>(StringComparer.Ordinal);
        var keys = files.Select(f => (f.Sheets.Region, UploadId: BenchSystem.UploadIdOf(f.Sheets.Region, f.Enrolment))).ToList();
        var records = await WaitAllFinalAsync(system, keys, clock, TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(regions * rowsPerRegion / 200), staged,
            progress: (done, total) => log.WriteLine($"  {done} of {total} regions final after {clock.Elapsed.TotalSeconds:N0} s"));

        log.WriteLine($"  all final after {clock.Elapsed.TotalSeconds:N1} s; sampling the worker's working set for {after.TotalSeconds:N0} s ...");
        var afterSamples = await WorkerMemory.SampleAfterAsync(worker, after);
        var faulty = BenchSheets.FaultyRows(rowsPerRegion);
        var perRegion = new List<RegionFigures>();
        for (var i = 0; i < keys.Count; i++)
        {
            var (region, uploadId) = keys[i];
            var record = records[uploadId];
            Expect(record.GetString("Status") == UploadStatus.CompletedWithErrors, $"region {region}'s upload ended {record.GetString("Status")} ({record.GetString("FailureReason")})");
            Expect(record.GetInt32("RowsRead") == rowsPerRegion && record.GetInt32("RowsAccepted") == rowsPerRegion - faulty && record.GetInt32("RowsRejected") == faulty,
                $"region {region} read {record.GetInt32("RowsRead")}, accepted {record.GetInt32("RowsAccepted")}, rejected {record.GetInt32("RowsRejected")}; expected {rowsPerRegion}, {rowsPerRegion - faulty}, {faulty}");
            var chunkTimes = new List<DateTimeOffset>();
            await foreach (var chunk in system.Table("uploadchunks").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), select: ["Timestamp"]))
            {
                chunkTimes.Add(chunk.Timestamp!.Value);
            }
            perRegion.Add(new RegionFigures(region, rowsPerRegion, record.GetInt32("RowsAccepted")!.Value, record.GetInt32("RowsRejected")!.Value,
                (record.GetDateTimeOffset("CompletedAt")!.Value - written[i]).TotalSeconds,
                staged.TryGetValue(uploadId, out var s) ? s - (written[i] - start).TotalSeconds : null,
                (chunkTimes.Min() - start).TotalSeconds, (chunkTimes.Max() - start).TotalSeconds));
        }
        var seconds = (records.Values.Max(r => r.GetDateTimeOffset("CompletedAt")!.Value) - start).TotalSeconds;

        // The peak from idle to the end of the samples (VmHWM since idle), should memory grow after the uploads.
        var peakMb = peak?.PeakBytes() / 1024d / 1024d;
        var figures = new Figures(regions, rowsPerRegion, ceiling, agreementsSeconds, seconds, perRegion,
            new MemoryFigures(idle, peakMb, afterSamples, (int)after.TotalSeconds));
        log.WriteLine($"  {figures.RowsPerSecond:N0} rows/s, {figures.ToCeiling:N2} of the ceiling; regions {figures.FastestSeconds:N1} / {figures.MedianSeconds:N1} / {figures.SlowestSeconds:N1} s " +
            $"(fastest / median / slowest), fairness {figures.Fairness:N2}; worker idle {idle?.ResidentMb:N0} MB, peak {peakMb:N0} MB, " +
            $"{figures.Memory.AfterLast?.ResidentMb:N0} MB {after.TotalSeconds:N0} s after");
        return figures;
    }

    /// <summary>
    /// Polls the uploads table (one query for all of them) until every upload is final; notes when each was first
    /// seen validating (staged) in <paramref name="staged"/>, in seconds of <paramref name="clock"/>.
    /// </summary>
    private static async Task<Dictionary<string, TableEntity>> WaitAllFinalAsync(BenchSystem system, IReadOnlyList<(string Region, string UploadId)> uploads,
        Stopwatch clock, TimeSpan timeout, Dictionary<string, double>? staged, Action<int, int>? progress = null)
    {
        string[] finalStatuses = [UploadStatus.Completed, UploadStatus.CompletedWithErrors, UploadStatus.Rejected, UploadStatus.Failed];
        var wanted = uploads.Select(u => u.UploadId).ToHashSet(StringComparer.Ordinal);
        var final = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var table = system.Table("uploads");
        var deadline = Stopwatch.StartNew();
        var reported = 0;
        while (final.Count < wanted.Count)
        {
            try
            {
                await foreach (var record in table.QueryAsync<TableEntity>())
                {
                    if (!wanted.Contains(record.RowKey) || final.ContainsKey(record.RowKey))
                    {
                        continue;
                    }
                    var status = record.GetString("Status");
                    if (finalStatuses.Contains(status))
                    {
                        final[record.RowKey] = record;
                    }
                    else if (status == UploadStatus.Validating && staged is not null)
                    {
                        staged.TryAdd(record.RowKey, clock.Elapsed.TotalSeconds);
                    }
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The table appears with the first upload.
            }
            if (progress is not null && final.Count / 10 > reported / 10)
            {
                reported = final.Count;
                progress(final.Count, wanted.Count);
            }
            if (final.Count == wanted.Count)
            {
                break;
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{wanted.Count - final.Count} of {wanted.Count} uploads were not final after {timeout}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return final;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Simulation invalid: {what}.");
        }
    }
}
