using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.Benchmarks;

/// <summary>Everything one run measured, printed as one table and written as one JSON object.</summary>
public sealed class BenchmarkFigures(Machine machine, DateTimeOffset date, int headlineRows)
{
    public sealed record SizeFigures(int Rows, double CeilingRowsPerSecond, double PipelineRowsPerSecond, double PipelineSeconds, double? StagedSeconds, double FinalizingSeconds, double? PeakWorkingSetMb)
    {
        public double PipelineToCeiling => PipelineRowsPerSecond / CeilingRowsPerSecond;
    }

    /// <summary>An employer compliance upload: blob written to final status, and the worker's peak meanwhile.</summary>
    public sealed record ComplianceFigures(int Employers, double PipelineSeconds, double? StagedSeconds, double FinalizingSeconds, double? PeakWorkingSetMb)
    {
        public double PipelineRowsPerSecond => Employers / PipelineSeconds;
    }

    public Machine Machine { get; } = machine;

    public DateTimeOffset Date { get; } = date;

    public int HeadlineRows { get; } = headlineRows;

    public List<SizeFigures> Sizes { get; } = [];

    public List<ComplianceFigures> Compliance { get; } = [];

    public double ParseXlsxRowsPerSecond { get; set; }

    public double ParseCsvRowsPerSecond { get; set; }

    public Export.Figures? Export { get; set; }

    public List<double> SmallUploadLatencyMs { get; set; } = [];

    /// <summary>The same, once the large uploads are stored (Azurite scans a whole table for every query).</summary>
    public List<double> SmallUploadLatencyAfterLargeMs { get; set; } = [];

    public double SmallUploadLatencyMedianMs => SmallUploadLatencyMs.Count == 0 ? double.NaN : Benchmarks.ColdStart.Median([.. SmallUploadLatencyMs.Order()]);

    public ColdStart.Figures? ColdStart { get; set; }

    public string LoadAverageAtEnd { get; set; } = "";

    /// <summary>The worker's working set over the pipeline's uploads (enrolment sizes, employer lists): idle, peak, after.</summary>
    public MemoryFigures? PipelineMemory { get; set; }

    /// <summary>Many regions uploading at once, on an Azurite and host of its own.</summary>
    public Simulation.Figures? Simulation { get; set; }

    private SizeFigures? Headline => Sizes.SingleOrDefault(s => s.Rows == HeadlineRows);

    /// <summary>Peak at the largest size over peak at 100,000 rows (when both ran).</summary>
    public double? PeakGrowth =>
        Sizes.Count > 1 && Sizes.FirstOrDefault(s => s.Rows == BenchmarkOptions.HeadlineRows)?.PeakWorkingSetMb is { } at100k
            && Sizes[^1].Rows > BenchmarkOptions.HeadlineRows && Sizes[^1].PeakWorkingSetMb is { } atLargest
            ? atLargest / at100k
            : null;

    public void WriteTable(TextWriter output)
    {
        var rows = new List<(string Figure, string Value, string Target)>();
        foreach (var size in Sizes)
        {
            rows.Add(($"ceiling, {size.Rows:N0} rows (entities/s)", F(size.CeilingRowsPerSecond), ""));
            rows.Add(($"pipeline, {size.Rows:N0} rows (rows/s)", $"{F(size.PipelineRowsPerSecond)} ({size.PipelineSeconds:N1} s: staged {size.StagedSeconds:N1}, final {size.FinalizingSeconds:N1})", ""));
            rows.Add(($"pipeline / ceiling, {size.Rows:N0} rows", size.PipelineToCeiling.ToString("N3", CultureInfo.InvariantCulture),
                size.Rows == BenchmarkOptions.HeadlineRows ? Target(size.PipelineToCeiling >= 0.5, ">= 0.5") : ""));
            rows.Add(($"worker peak working set, {size.Rows:N0} rows (MB)", size.PeakWorkingSetMb is { } mb ? F(mb) : "n/a",
                size.Rows == 300_000 && size.PeakWorkingSetMb is { } peak ? Target(peak < 400, "< 400") : ""));
        }
        foreach (var list in Compliance)
        {
            rows.Add(($"compliance pipeline, {list.Employers:N0} employers (rows/s)",
                $"{F(list.PipelineRowsPerSecond)} ({list.PipelineSeconds:N1} s: staged {list.StagedSeconds:N1}, final {list.FinalizingSeconds:N1})", ""));
            rows.Add(($"worker peak working set, {list.Employers:N0} employers (MB)", list.PeakWorkingSetMb is { } mb ? F(mb) : "n/a",
                list.PeakWorkingSetMb is { } peak ? Target(peak < 400, "< 400") : ""));
        }
        if (PipelineMemory is { } memory)
        {
            rows.Add(("worker working set, pipeline: idle / peak / after (MB)", MemoryCell(memory), ""));
        }
        if (Simulation is { } sim)
        {
            rows.Add(($"simulation: ceiling, {sim.Rows:N0} entities in {sim.Regions} partitions (entities/s)", F(sim.CeilingRowsPerSecond), ""));
            rows.Add(($"simulation: {sim.Regions} regions x {sim.RowsPerRegion:N0} rows at once (rows/s)",
                $"{F(sim.RowsPerSecond)} ({sim.Seconds:N1} s; all staged after {sim.AllStagedSeconds:N1})", ""));
            rows.Add(("simulation: rows/s / ceiling", sim.ToCeiling.ToString("N3", CultureInfo.InvariantCulture), ""));
            rows.Add(("simulation: region time, fastest / median / slowest (s)",
                $"{sim.FastestSeconds.ToString("N1", CultureInfo.InvariantCulture)} / {sim.MedianSeconds.ToString("N1", CultureInfo.InvariantCulture)} / {sim.SlowestSeconds.ToString("N1", CultureInfo.InvariantCulture)}", ""));
            rows.Add(("simulation: fairness (slowest / median region)", sim.Fairness.ToString("N2", CultureInfo.InvariantCulture),
                Target(sim.Fairness <= Benchmarks.Simulation.FairnessTarget, "<= 2")));
            rows.Add(("worker working set, simulation: idle / peak / after (MB)", MemoryCell(sim.Memory), ""));
        }
        if (PeakGrowth is { } growth)
        {
            rows.Add(($"peak working set {Sizes[^1].Rows:N0} / 100,000 rows", growth.ToString("N2", CultureInfo.InvariantCulture), Target(growth <= 1.3, "<= 1.3")));
        }
        if (ParseXlsxRowsPerSecond > 0)
        {
            rows.Add(($"parse xlsx alone, {HeadlineRows:N0} rows (rows/s)", F(ParseXlsxRowsPerSecond), ""));
            rows.Add(($"parse csv alone, {HeadlineRows:N0} rows (rows/s)", F(ParseCsvRowsPerSecond), ""));
        }
        if (Export is { } export)
        {
            rows.Add(($"raw scan, {export.Rows:N0} participants (s)", export.ScanSeconds.ToString("N2", CultureInfo.InvariantCulture), ""));
            rows.Add(($"CSV export via API, {export.Rows:N0} participants (s)", export.ExportSeconds.ToString("N2", CultureInfo.InvariantCulture), ""));
            rows.Add(("export / raw scan (scan s / export s)", export.ExportToScan.ToString("N2", CultureInfo.InvariantCulture), Target(export.ExportToScan >= 0.8, ">= 0.8")));
        }
        if (SmallUploadLatencyMs.Count > 0)
        {
            rows.Add(($"100-row upload latency, median of {SmallUploadLatencyMs.Count} (ms)", F(SmallUploadLatencyMedianMs), Target(SmallUploadLatencyMedianMs <= 2000, "<= 2000")));
        }
        if (SmallUploadLatencyAfterLargeMs.Count > 0)
        {
            rows.Add(($"same after the large uploads, median of {SmallUploadLatencyAfterLargeMs.Count} (ms)",
                F(Benchmarks.ColdStart.Median([.. SmallUploadLatencyAfterLargeMs.Order()])), ""));
        }
        if (ColdStart is { } cold)
        {
            rows.Add(($"worker cold start ({cold.PublishMode}), median of {cold.RunsMs.Count} (ms)", F(cold.MedianMs), Target(cold.MedianMs <= 1000, "<= 1000")));
        }

        var width = rows.Max(r => r.Figure.Length);
        var valueWidth = rows.Max(r => r.Value.Length);
        output.WriteLine();
        output.WriteLine($"Jamsostek Functions benchmark, {Date:yyyy-MM-dd HH:mm} UTC; {Machine.Processors} cores, {Machine.MemoryMb:N0} MB, {Machine.CpuModel}");
        output.WriteLine($"load average at start {Machine.LoadAverageAtStart}, at end {LoadAverageAtEnd}");
        output.WriteLine($"| {"figure".PadRight(width)} | {"value".PadLeft(valueWidth)} | target |");
        output.WriteLine($"| {new string('-', width)} | {new string('-', valueWidth)} | ------ |");
        foreach (var (figure, value, target) in rows)
        {
            output.WriteLine($"| {figure.PadRight(width)} | {value.PadLeft(valueWidth)} | {target} |");
        }
    }

    public string ToJson()
    {
        var headline = Headline;
        var json = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["processors"] = Machine.Processors,
                ["memoryMb"] = Machine.MemoryMb,
                ["cpuModel"] = Machine.CpuModel,
                ["os"] = Machine.Os,
                ["runtime"] = Machine.Runtime,
                ["loadAverageAtStart"] = Machine.LoadAverageAtStart,
                ["loadAverageAtEnd"] = LoadAverageAtEnd,
            },
            ["date"] = Date.ToString("O", CultureInfo.InvariantCulture),
            ["rows"] = headline?.Rows,
            ["ceilingRowsPerSecond"] = headline is null ? null : Round(headline.CeilingRowsPerSecond),
            ["pipelineRowsPerSecond"] = headline is null ? null : Round(headline.PipelineRowsPerSecond),
            ["pipelineToCeiling"] = headline is null ? null : Math.Round(headline.PipelineToCeiling, 3),
            ["parseXlsxRowsPerSecond"] = Measured(ParseXlsxRowsPerSecond),
            ["parseCsvRowsPerSecond"] = Measured(ParseCsvRowsPerSecond),
            ["peakWorkingSetMb"] = new JsonObject(Sizes.Where(s => s.PeakWorkingSetMb is not null)
                .Select(s => KeyValuePair.Create(s.Rows.ToString(CultureInfo.InvariantCulture), (JsonNode?)Round(s.PeakWorkingSetMb!.Value)))),
            ["exportToScan"] = Export is null ? null : Math.Round(Export.ExportToScan, 3),
            ["smallUploadLatencyMedianMs"] = Measured(SmallUploadLatencyMedianMs),
            ["workerColdStartMs"] = ColdStart is null ? null : Round(ColdStart.MedianMs),
            ["publishMode"] = ColdStart?.PublishMode,
            ["sizes"] = new JsonArray([.. Sizes.Select(s => (JsonNode)new JsonObject
            {
                ["rows"] = s.Rows,
                ["ceilingRowsPerSecond"] = Round(s.CeilingRowsPerSecond),
                ["pipelineRowsPerSecond"] = Round(s.PipelineRowsPerSecond),
                ["pipelineSeconds"] = Math.Round(s.PipelineSeconds, 2),
                ["stagedAfterSeconds"] = s.StagedSeconds is { } staged ? Math.Round(staged, 2) : null,
                ["finalizingSeconds"] = Math.Round(s.FinalizingSeconds, 2),
                ["pipelineToCeiling"] = Math.Round(s.PipelineToCeiling, 3),
                ["peakWorkingSetMb"] = s.PeakWorkingSetMb is { } mb ? Round(mb) : null,
            })]),
            ["compliance"] = new JsonArray([.. Compliance.Select(c => (JsonNode)new JsonObject
            {
                ["employers"] = c.Employers,
                ["pipelineRowsPerSecond"] = Round(c.PipelineRowsPerSecond),
                ["pipelineSeconds"] = Math.Round(c.PipelineSeconds, 2),
                ["stagedAfterSeconds"] = c.StagedSeconds is { } staged ? Math.Round(staged, 2) : null,
                ["finalizingSeconds"] = Math.Round(c.FinalizingSeconds, 2),
                ["peakWorkingSetMb"] = c.PeakWorkingSetMb is { } mb ? Round(mb) : null,
            })]),
            ["export"] = Export is null ? null : new JsonObject
            {
                ["rows"] = Export.Rows,
                ["scanSeconds"] = Math.Round(Export.ScanSeconds, 3),
                ["exportSeconds"] = Math.Round(Export.ExportSeconds, 3),
                ["exportBytes"] = Export.ExportBytes,
            },
            ["memory"] = PipelineMemory is null ? null : MemoryJson(PipelineMemory),
            ["simulation"] = Simulation is not { } sim ? null : new JsonObject
            {
                ["regions"] = sim.Regions,
                ["rowsPerRegion"] = sim.RowsPerRegion,
                ["rows"] = sim.Rows,
                ["ceilingRowsPerSecond"] = Round(sim.CeilingRowsPerSecond),
                ["rowsPerSecond"] = Round(sim.RowsPerSecond),
                ["toCeiling"] = Math.Round(sim.ToCeiling, 3),
                ["seconds"] = Math.Round(sim.Seconds, 2),
                ["agreementsSeconds"] = Math.Round(sim.AgreementsSeconds, 2),
                ["allStagedAfterSeconds"] = sim.AllStagedSeconds is { } staged ? Math.Round(staged, 2) : null,
                ["fastestRegionSeconds"] = Math.Round(sim.FastestSeconds, 2),
                ["medianRegionSeconds"] = Math.Round(sim.MedianSeconds, 2),
                ["slowestRegionSeconds"] = Math.Round(sim.SlowestSeconds, 2),
                ["fairness"] = Math.Round(sim.Fairness, 3),
                ["memory"] = MemoryJson(sim.Memory),
                ["perRegion"] = new JsonArray([.. sim.PerRegion.Select(r => (JsonNode)new JsonObject
                {
                    ["region"] = r.Region,
                    ["rows"] = r.Rows,
                    ["accepted"] = r.Accepted,
                    ["rejected"] = r.Rejected,
                    ["seconds"] = Math.Round(r.Seconds, 2),
                    ["stagedAfterSeconds"] = r.StagedAfterSeconds is { } s ? Math.Round(s, 2) : null,
                    ["firstChunkSeconds"] = Math.Round(r.FirstChunkSeconds, 2),
                    ["lastChunkSeconds"] = Math.Round(r.LastChunkSeconds, 2),
                })]),
            },
            ["smallUploadLatencyMs"] = new JsonArray([.. SmallUploadLatencyMs.Select(ms => (JsonNode)Round(ms))]),
            ["smallUploadLatencyAfterLargeMs"] = new JsonArray([.. SmallUploadLatencyAfterLargeMs.Select(ms => (JsonNode)Round(ms))]),
            ["workerColdStartRunsMs"] = ColdStart is null ? null : new JsonArray([.. ColdStart.RunsMs.Select(ms => (JsonNode)Round(ms))]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static double Round(double value) => Math.Round(value, 1);

    /// <summary>"idle / peak / after" in MB, the after figure the last sample (and the first, as the last upload was final).</summary>
    private static string MemoryCell(MemoryFigures memory) =>
        $"{Mb(memory.Idle?.ResidentMb)} / {Mb(memory.PeakMb)} / {Mb(memory.AfterLast?.ResidentMb)} ({memory.AfterSeconds} s after; {Mb(memory.AtFinal?.ResidentMb)} at the end)";

    private static string Mb(double? value) => value is { } mb ? F(mb) : "n/a";

    private static JsonObject MemoryJson(MemoryFigures memory) => new()
    {
        ["idleMb"] = memory.Idle is { } idle ? Round(idle.ResidentMb) : null,
        ["idleAnonymousMb"] = memory.Idle is { } idleAnon ? Round(idleAnon.AnonymousMb) : null,
        ["peakMb"] = memory.PeakMb is { } peak ? Round(peak) : null,
        ["atFinalMb"] = memory.AtFinal is { } atFinal ? Round(atFinal.ResidentMb) : null,
        ["afterMb"] = memory.AfterLast is { } after ? Round(after.ResidentMb) : null,
        ["afterAnonymousMb"] = memory.AfterLast is { } afterAnon ? Round(afterAnon.AnonymousMb) : null,
        ["afterSeconds"] = memory.AfterSeconds,
        ["afterSamples"] = new JsonArray([.. memory.After.Select(sample => (JsonNode)new JsonObject
        {
            ["seconds"] = sample.Seconds,
            ["mb"] = Round(sample.Reading.ResidentMb),
            ["anonymousMb"] = Round(sample.Reading.AnonymousMb),
        })]),
    };

    /// <summary>A figure this run did not measure (`--pipeline-only`) is null in the JSON, not 0 or NaN.</summary>
    private static double? Measured(double value) => double.IsFinite(value) && value > 0 ? Round(value) : null;

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Target(bool met, string target) => $"{target} {(met ? "met" : "MISSED")}";
}
