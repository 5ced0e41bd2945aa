using System.Globalization;

namespace Jamsostek.Benchmarks;

/// <summary>What to run: the upload sizes, where to write the JSON figures, how to publish the app for cold starts.</summary>
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

    /// <summary>The size the single figures (ratio, export, parsing) are given for: 100,000 when run, else the largest (0: none).</summary>
    public int Headline => Sizes.Count == 0 ? 0 : Sizes.Contains(HeadlineRows) ? HeadlineRows : Sizes.Max();

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var sizes = new List<int>();
        var complianceSizes = new List<int>();
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
        dotnet run -c Release --project tests/Jamsostek.Benchmarks -- [--rows N[,N...]] [--json PATH] [--publish r2r|jit]
          --rows N      upload sizes (default 10000, 100000 and 300000); repeat or separate with commas
          --json PATH   also write the figures as one JSON object
          --publish     how the app is published: r2r (ReadyToRun, as deployed; default) or jit
          --pipeline-only   ceiling, pipeline and worker memory only
          --compliance N    also upload an employer compliance sheet of N employers (xlsx) and measure its pipeline and
                            worker peak; without --rows, only that
        """;
}
