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
            ["smallUploadLatencyMs"] = new JsonArray([.. SmallUploadLatencyMs.Select(ms => (JsonNode)Round(ms))]),
            ["smallUploadLatencyAfterLargeMs"] = new JsonArray([.. SmallUploadLatencyAfterLargeMs.Select(ms => (JsonNode)Round(ms))]),
            ["workerColdStartRunsMs"] = ColdStart is null ? null : new JsonArray([.. ColdStart.RunsMs.Select(ms => (JsonNode)Round(ms))]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static double Round(double value) => Math.Round(value, 1);

    /// <summary>A figure this run did not measure (`--pipeline-only`) is null in the JSON, not 0 or NaN.</summary>
    private static double? Measured(double value) => double.IsFinite(value) && value > 0 ? Round(value) : null;

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Target(bool met, string target) => $"{target} {(met ? "met" : "MISSED")}";
}
