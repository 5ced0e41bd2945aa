using System.Diagnostics;
using Azure.Data.Tables;
using Jamsostek.Core.Uploads;
using Jamsostek.TestData;

namespace Jamsostek.Benchmarks;

/// <summary>One run: a fresh Azurite and local host, then every measurement in turn.</summary>
public static class BenchmarkRun
{
    /// <summary>Regions for the upload sizes in turn (each its own NIK index partitions); Ende for the small uploads.</summary>
    private static readonly string[] SizeRegions = ["5204", "5318", "5316", "5311", "8105"];
    private const string LatencyRegion = "5308";

    /// <summary>Employer lists go to Sumbawa, dated like the samples' (a snapshot per size: each size its own date).</summary>
    private const string ComplianceRegion = "5204";
    private const int Year = 2027;

    public static async Task<BenchmarkFigures> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        var machine = Machine.Current();
        log.WriteLine($"Machine: {machine.Processors} cores, {machine.MemoryMb} MB, {machine.CpuModel}; load average {machine.LoadAverageAtStart}");
        log.WriteLine($"Publishing the app ({options.PublishMode}) ...");
        var published = await ColdStart.PublishAsync(options.PublishMode);
        var figures = new BenchmarkFigures(machine, DateTimeOffset.UtcNow, options.Headline);
        if (options.MainRun)
        {
            await RunMainAsync(options, published, figures, log);
        }
        if (options.RunsSimulation)
        {
            // Its own Azurite and host, started once the pipeline's are gone: empty tables, a worker that has served nothing.
            figures.Simulation = await Simulation.RunAsync(published, options.Regions, options.RowsPerRegion, TimeSpan.FromSeconds(options.AfterSeconds), log);
        }
        figures.LoadAverageAtEnd = Machine.LoadAverage();
        return figures;
    }

    /// <summary>The enrolment sizes and employer lists, small uploads and cold starts, on one Azurite and local host.</summary>
    private static async Task RunMainAsync(BenchmarkOptions options, string published, BenchmarkFigures figures, TextWriter log)
    {
        log.WriteLine($"Sizes: {string.Join(", ", options.Sizes.Select(s => s.ToString("N0")))}" +
            (options.ComplianceSizes.Count > 0 ? $"; compliance: {string.Join(", ", options.ComplianceSizes.Select(s => s.ToString("N0")))} employers" : "") +
            "; starting Azurite and the local host on the published app ...");
        await using var system = await BenchSystem.StartAsync(published);
        var idle = await WorkerMemory.IdleAsync(system.WorkerProcessId);
        log.WriteLine($"  worker idle {idle?.ResidentMb:N0} MB ({idle?.AnonymousMb:N0} MB anonymous)");

        // Once the pipeline's last upload (the largest size, or the last employer list) is final: the working set after it.
        var uploads = options.Sizes.Count + options.ComplianceSizes.Count;
        var uploaded = 0;
        async Task AfterUploadAsync()
        {
            if (++uploaded < uploads)
            {
                return;
            }
            log.WriteLine($"  sampling the worker's working set for {options.AfterSeconds} s after the last upload ...");
            var samples = await WorkerMemory.SampleAfterAsync(system.WorkerProcessId, TimeSpan.FromSeconds(options.AfterSeconds));
            // The peak of the run: the highest of the uploads' peaks, or of the samples after them should memory grow then.
            var peaks = figures.Sizes.Select(s => s.PeakWorkingSetMb).Concat(figures.Compliance.Select(c => c.PeakWorkingSetMb)).OfType<double>()
                .Concat(samples.Select(sample => sample.Reading.ResidentMb)).ToList();
            figures.PipelineMemory = new MemoryFigures(idle, peaks.Count == 0 ? null : peaks.Max(), samples, options.AfterSeconds);
            log.WriteLine($"  worker idle {idle?.ResidentMb:N0} MB, peak {figures.PipelineMemory.PeakMb:N0} MB, " +
                $"{figures.PipelineMemory.AtFinal?.ResidentMb:N0} MB as the last upload was final, {figures.PipelineMemory.AfterLast?.ResidentMb:N0} MB {options.AfterSeconds} s after");
        }

        if (!options.PipelineOnly)
        {
            log.WriteLine($"Small uploads: {options.LatencyUploads} x 100 rows, blob write to final status, on the fresh storage account ...");
            figures.SmallUploadLatencyMs = await SmallUploadLatencyAsync(system, options.LatencyUploads, "PKS/100/BENCH/2027", seed: 1);
            log.WriteLine($"  median {figures.SmallUploadLatencyMedianMs:N0} ms");
        }

        for (var i = 0; i < options.Sizes.Count; i++)
        {
            var rows = options.Sizes[i];
            var sheets = new BenchSheets(SizeRegions[i % SizeRegions.Length], $"PKS/{rows}/BENCH/{Year}", Year);
            await RunSizeAsync(system, sheets, rows, rows == options.Headline && !options.PipelineOnly, figures, log, AfterUploadAsync);
        }
        for (var i = 0; i < options.ComplianceSizes.Count; i++)
        {
            await RunComplianceAsync(system, options.ComplianceSizes[i], new DateOnly(2026, 10, 31).AddMonths(-i), figures, log);
            await AfterUploadAsync();
        }
        if (options.PipelineOnly)
        {
            return;
        }

        var again = Math.Max(1, options.LatencyUploads / 2);
        log.WriteLine($"Small uploads again: {again} x 100 rows, now that the large uploads are stored ...");
        figures.SmallUploadLatencyAfterLargeMs = await SmallUploadLatencyAsync(system, again, "PKS/100B/BENCH/2028", seed: 101);
        log.WriteLine($"  median {Benchmarks.ColdStart.Median([.. figures.SmallUploadLatencyAfterLargeMs.Order()]):N0} ms");

        log.WriteLine($"Cold start: the published app's worker ({options.PublishMode}) started {options.ColdStarts} times by a local host ...");
        figures.ColdStart = await ColdStart.MeasureAsync(published, system.ConnectionString, options.PublishMode, options.ColdStarts);
        log.WriteLine($"  median {figures.ColdStart.MedianMs:N0} ms");
    }

    /// <summary>One enrolment size: agreement, ceiling, pipeline and peak; <paramref name="afterUpload"/> once its upload is final, before the headline's parsing and export.</summary>
    private static async Task RunSizeAsync(BenchSystem system, BenchSheets sheets, int rows, bool headline, BenchmarkFigures figures, TextWriter log,
        Func<Task> afterUpload)
    {
        log.WriteLine($"{rows:N0} rows (region {sheets.Region}): generating the sheet ...");
        var data = sheets.Rows(rows);
        var xlsx = BenchSheets.Xlsx(data);
        var (agreement, _, _) = await system.UploadAndWaitAsync(sheets.Region, $"perjanjian-{rows}.xlsx", sheets.AgreementXlsx(rows * 2), TimeSpan.FromMinutes(2));
        Expect(agreement.GetString("Status") == UploadStatus.Completed, $"the agreement upload ended {agreement.GetString("Status")}");

        var ceiling = await Ceiling.MeasureAsync(system, sheets, data);
        log.WriteLine($"  ceiling {ceiling:N0} entities/s");

        var memory = ProcessMemory.StartMeasuring(system.WorkerProcessId);
        long? stagedPeak = null;
        var (record, elapsed, staged) = await system.UploadAndWaitAsync(sheets.Region, $"peserta-{rows}.xlsx", xlsx, TimeSpan.FromSeconds(180 + rows / 250),
            onStaged: () => stagedPeak = memory?.PeakBytes());
        var peak = memory?.PeakBytes();
        var faulty = BenchSheets.FaultyRows(rows);
        Expect(record.GetString("Status") == UploadStatus.CompletedWithErrors, $"the upload ended {record.GetString("Status")} ({record.GetString("FailureReason")})");
        Expect(record.GetInt32("RowsRead") == rows && record.GetInt32("RowsAccepted") == rows - faulty && record.GetInt32("RowsRejected") == faulty,
            $"counts read {record.GetInt32("RowsRead")}, accepted {record.GetInt32("RowsAccepted")}, rejected {record.GetInt32("RowsRejected")}; expected {rows}, {rows - faulty}, {faulty}");
        // Where the time went: staging (status validating), the chunks (their results' timestamps), finalization.
        var uploadId = BenchSystem.UploadIdOf(sheets.Region, xlsx);
        var chunkTimes = new List<DateTimeOffset>();
        await foreach (var chunk in system.Table("uploadchunks").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), select: ["Timestamp"]))
        {
            chunkTimes.Add(chunk.Timestamp!.Value);
        }
        var finalizing = record.GetDateTimeOffset("CompletedAt")!.Value - chunkTimes.Max();
        log.WriteLine($"  chunks validated from {(chunkTimes.Min() - record.GetDateTimeOffset("ReceivedAt")!.Value).TotalSeconds:N1} s to {(chunkTimes.Max() - record.GetDateTimeOffset("ReceivedAt")!.Value).TotalSeconds:N1} s after the upload was received; finalization {finalizing.TotalSeconds:N1} s");
        var run = new BenchmarkFigures.SizeFigures(rows, ceiling, rows / elapsed.TotalSeconds, elapsed.TotalSeconds, staged?.TotalSeconds, finalizing.TotalSeconds, peak is null ? null : peak.Value / 1024d / 1024d);
        figures.Sizes.Add(run);
        log.WriteLine($"  pipeline {run.PipelineRowsPerSecond:N0} rows/s ({elapsed.TotalSeconds:N1} s, staged after {staged?.TotalSeconds:N1} s), ratio {run.PipelineToCeiling:N2}, worker peak {run.PeakWorkingSetMb:N0} MB ({stagedPeak / 1024 / 1024:N0} MB by the end of staging, from {memory?.BaselineBytes / 1024 / 1024:N0} MB)");
        await afterUpload();

        if (!headline)
        {
            return;
        }
        log.WriteLine("  parsing alone (xlsx, csv) ...");
        figures.ParseXlsxRowsPerSecond = await Parsing.MeasureAsync(xlsx, "peserta.xlsx", sheets.Region, rows);
        figures.ParseCsvRowsPerSecond = await Parsing.MeasureAsync(BenchSheets.Csv(data), "peserta.csv", sheets.Region, rows);
        log.WriteLine($"  xlsx {figures.ParseXlsxRowsPerSecond:N0} rows/s, csv {figures.ParseCsvRowsPerSecond:N0} rows/s");
        log.WriteLine("  participants CSV export against a raw scan ...");
        figures.Export = await Export.MeasureAsync(system, sheets, rows - faulty);
        log.WriteLine($"  scan {figures.Export.ScanSeconds:N2} s, export {figures.Export.ExportSeconds:N2} s, export/scan {figures.Export.ExportToScan:N2}");
    }

    /// <summary>
    /// One employer compliance sheet of <paramref name="employers"/> rows, all valid: from the blob written to its final
    /// status (every employer stored, then counted back for the snapshot), and the worker's peak working set meanwhile.
    /// </summary>
    private static async Task RunComplianceAsync(BenchSystem system, int employers, DateOnly dataDate, BenchmarkFigures figures, TextWriter log)
    {
        log.WriteLine($"Compliance: {employers:N0} employers (region {ComplianceRegion}, Tanggal Data {dataDate:dd/MM/yyyy}): generating the sheet ...");
        var xlsx = SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(ComplianceRegion, ComplianceSheet.Rows(employers, ComplianceRegion, dataDate, seed: employers), dataDate));
        var memory = ProcessMemory.StartMeasuring(system.WorkerProcessId);
        long? stagedPeak = null;
        var (record, elapsed, staged) = await system.UploadAndWaitAsync(ComplianceRegion, $"kepatuhan-{employers}.xlsx", xlsx, TimeSpan.FromSeconds(180 + employers / 250),
            onStaged: () => stagedPeak = memory?.PeakBytes());
        var peak = memory?.PeakBytes();
        Expect(record.GetString("Status") == UploadStatus.Completed, $"the compliance upload ended {record.GetString("Status")} ({record.GetString("FailureReason")})");
        Expect(record.GetInt32("RowsRead") == employers && record.GetInt32("RowsAccepted") == employers,
            $"compliance counts read {record.GetInt32("RowsRead")}, accepted {record.GetInt32("RowsAccepted")}; expected {employers}");
        var uploadId = BenchSystem.UploadIdOf(ComplianceRegion, xlsx);
        var chunkTimes = new List<DateTimeOffset>();
        await foreach (var chunk in system.Table("uploadchunks").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}"), select: ["Timestamp"]))
        {
            chunkTimes.Add(chunk.Timestamp!.Value);
        }
        var finalizing = record.GetDateTimeOffset("CompletedAt")!.Value - chunkTimes.Max();
        var run = new BenchmarkFigures.ComplianceFigures(employers, elapsed.TotalSeconds, staged?.TotalSeconds, finalizing.TotalSeconds, peak is null ? null : peak.Value / 1024d / 1024d);
        figures.Compliance.Add(run);
        log.WriteLine($"  pipeline {run.PipelineRowsPerSecond:N0} rows/s ({elapsed.TotalSeconds:N1} s, staged after {staged?.TotalSeconds:N1} s, finalization {finalizing.TotalSeconds:N1} s), " +
            $"worker peak {run.PeakWorkingSetMb:N0} MB ({stagedPeak / 1024 / 1024:N0} MB by the end of staging, from {memory?.BaselineBytes / 1024 / 1024:N0} MB)");
    }

    /// <summary>100-row uploads one after another under one agreement of Ende (each year its own agreement).</summary>
    private static async Task<List<double>> SmallUploadLatencyAsync(BenchSystem system, int uploads, string agreementNo, int seed)
    {
        var year = int.Parse(agreementNo[^4..], System.Globalization.CultureInfo.InvariantCulture);
        var sheets = new BenchSheets(LatencyRegion, agreementNo, year);
        await system.UploadAndWaitAsync(sheets.Region, $"perjanjian-kecil-{year}.xlsx", sheets.AgreementXlsx(100 * (uploads + 1)), TimeSpan.FromMinutes(2));
        var times = new List<double>();
        for (var i = seed; i < seed + uploads; i++)
        {
            var content = BenchSheets.Xlsx(sheets.Rows(100, seed: i));
            var (record, elapsed, _) = await system.UploadAndWaitAsync(sheets.Region, $"peserta-kecil-{year}-{i:D3}.xlsx", content, TimeSpan.FromMinutes(2),
                TimeSpan.FromMilliseconds(10));
            Expect(record.GetInt32("RowsRead") == 100, $"a small upload read {record.GetInt32("RowsRead")} rows");
            times.Add(elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark run invalid: {what}.");
        }
    }
}
