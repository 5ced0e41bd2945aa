namespace Jamsostek.Core.Ingestion;

/// <summary>What an upload may be. Beyond these the upload is rejected before anything is stored.</summary>
public sealed record IngestionLimits
{
    /// <summary>50 MiB, as the contract says.</summary>
    public long MaxFileBytes { get; init; } = 52_428_800;

    /// <summary>500 MiB once decompressed: an .xlsx is a zip.</summary>
    public long MaxUncompressedBytes { get; init; } = 524_288_000;

    /// <summary>A real sheet compresses 5-20 times; a zip bomb thousands of times.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxZipEntries { get; init; } = 10_000;

    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Rows searched for the header below title rows.</summary>
    public int HeaderSearchRows { get; init; } = 30;

    /// <summary>After this many blank rows in a row the sheet is taken to have ended (sheets formatted down to row 1,048,576).</summary>
    public int MaxConsecutiveBlankRows { get; init; } = 10_000;

    public static IngestionLimits Default { get; } = new();
}
