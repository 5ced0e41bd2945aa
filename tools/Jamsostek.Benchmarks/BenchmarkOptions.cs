using System.Globalization;

namespace Jamsostek.Benchmarks;

/// <summary>What to run: the upload sizes, the regions of the simulation, where to write the JSON figures, how to publish the app for cold starts.</summary>
public sealed record BenchmarkOptions
{
    public const int HeadlineRows = 100_000;

    /// <summary>The headline size, a small one, and the size the memory target compares with the headline.</summary>
    public static readonly IReadOnlyList<int> DefaultSizes = [10_000, 100_000, 300_000];

    /// <summary>Enrolment upload sizes, smallest first; each is one ceiling and one pipeline run.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = DefaultSizes;

    public string? JsonPath { get; init; }

    /// <summary>"r2r" (ReadyToRun, as deployed: the default) or "jit" (no precompiled code) for the published app.</summary>
    public string PublishMode { get; init; } = "r2r";

    public int LatencyUploads { get; init; } = 20;

    public int ColdStarts { get; init; } = 10;

    /// <summary>Ceiling, pipeline and memory only: no parsing, export, small uploads or cold start.</summary>
    public bool PipelineOnly { get; init; }

    /// <summary>Employer compliance uploads to measure (employers per sheet), after the enrolment sizes; none unless asked.</summary>
    public IReadOnlyList<int> ComplianceSizes { get; init; } = [];

    /// <summary>Regions uploading at once in the simulation (0: no simulation); 50 in a full run.</summary>
    public int Regions { get; init; } = DefaultRegions;

    public const int DefaultRegions = 50;

    /// <summary>Enrolment rows each region of the simulation uploads.</summary>
    public int RowsPerRegion { get; init; } = DefaultRowsPerRegion;

    public const int DefaultRowsPerRegion = 10_000;

    /// <summary>How long the worker's working set is sampled after the last upload of a run (the pipeline's, the simulation's).</summary>
    public int AfterSeconds { get; init; } = 60;

    /// <summary>The simulation runs: in a full run, or when --regions or --rows-per-region asks for it.</summary>
    public bool RunsSimulation => Regions > 0;

    /// <summary>The pipeline part (enrolment sizes, compliance lists, small uploads, cold starts) runs: anything but the simulation alone.</summary>
    public bool MainRun => Sizes.Count > 0 || ComplianceSizes.Count > 0 || !PipelineOnly;

    /// <summary>The size the single figures (ratio, export, parsing) are given for: 100,000 when run, else the largest (0: none).</summary>
    public int Headline => Sizes.Count == 0 ? 0 : Sizes.Contains(HeadlineRows) ? HeadlineRows : Sizes.Max();

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var sizes = new List<int>();
        var complianceSizes = new List<int>();
        int? regions = null;
        int? rowsPerRegion = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--rows":
                    sizes.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture)));
                    break;
                case "--compliance":
                    complianceSizes.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture)));
                    break;
                case "--regions":
                    regions = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--rows-per-region":
                    rowsPerRegion = int.Parse(Value().Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--after-seconds":
                    options = options with { AfterSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--json":
                    options = options with { JsonPath = Path.GetFullPath(Value()) };
                    break;
                case "--publish":
                    options = options with { PublishMode = Value() is "r2r" or "jit" ? args[i] : throw new ArgumentException("--publish takes r2r or jit.") };
                    break;
                case "--latency-uploads":
                    options = options with { LatencyUploads = int.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--cold-starts":
                    options = options with { ColdStarts = int.Parse(Value(), CultureInfo.InvariantCulture) };
                    break;
                case "--pipeline-only":
                    options = options with { PipelineOnly = true };
                    break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}.\n{Usage}");
            }
        }
        if (sizes.Any(size => size < 100) || complianceSizes.Any(size => size < 100))
        {
            throw new ArgumentException("--rows and --compliance take sizes of at least 100.");
        }
        if (regions < 0 || regions > Simulation.MaxRegions || rowsPerRegion is < 100 || options.AfterSeconds < 0)
        {
            throw new ArgumentException($"--regions takes 0 to {Simulation.MaxRegions}, --rows-per-region at least 100, --after-seconds 0 or more.");
        }
        // The simulation runs in a full run (no sizes asked for) and whenever --regions or --rows-per-region asks for it;
        // --regions 0 turns it off.
        var simulationAsked = regions is not 0 && (regions is not null || rowsPerRegion is not null);
        var fullRun = sizes.Count == 0 && complianceSizes.Count == 0 && !options.PipelineOnly;
        options = options with
        {
            Regions = simulationAsked || (fullRun && regions is null) ? regions ?? DefaultRegions : 0,
            RowsPerRegion = rowsPerRegion ?? DefaultRowsPerRegion,
        };
        if (simulationAsked && sizes.Count == 0 && complianceSizes.Count == 0)
        {
            // The simulation alone: no enrolment sizes, no small uploads, no cold starts.
            return options with { Sizes = [], PipelineOnly = true };
        }
        if (complianceSizes.Count > 0)
        {
            // Employer lists alone unless enrolment sizes are asked for too; the rest of the run needs those.
            options = options with
            {
                ComplianceSizes = [.. complianceSizes.Distinct().Order()],
                Sizes = sizes.Count == 0 ? [] : options.Sizes,
                PipelineOnly = options.PipelineOnly || sizes.Count == 0,
            };
        }
        return sizes.Count == 0 ? options : options with { Sizes = [.. sizes.Distinct().Order()] };
    }

    public const string Usage = """
        dotnet run -c Release --project tools/Jamsostek.Benchmarks -- [--rows N[,N...]] [--regions N] [--rows-per-region N] [--json PATH] [--publish r2r|jit]
          --rows N      upload sizes (default 10000, 100000 and 300000); repeat or separate with commas
          --json PATH   also write the figures as one JSON object
          --publish     how the app is published: r2r (ReadyToRun, as deployed; default) or jit
          --pipeline-only   ceiling, pipeline and worker memory only (no simulation unless asked for)
          --compliance N    also upload an employer compliance sheet of N employers (xlsx) and measure its pipeline and
                            worker peak; without --rows, only that
          --regions N       the simulation: N regions (default 50, at most 88; 0: none) upload their agreement, then all
                            their enrolment sheets at once, on a fresh Azurite and local host; without --rows, only that
          --rows-per-region N   rows of each region's enrolment sheet in the simulation (default 10000)
          --after-seconds N     how long the worker's working set is sampled after the last upload (default 60)
        """;
}
