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

    /// <summary>
    /// Excel's own limit for a cell's text. A longer cell (possible in CSV, or in XML written by hand) is staged cut
    /// at the limit with <c>CELL_TOO_LONG</c>: a row finding, not a crash.
    /// </summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>
    /// The staged text of one row. A real row holds a few hundred bytes; a row over this is a file built to blow up
    /// (one long shared string referenced by every cell), and the file is rejected with FILE_TOO_LARGE.
    /// </summary>
    public int MaxStagedRowBytes { get; init; } = 1_048_576;

    /// <summary>The staged text of one chunk (a real chunk of 1,000 rows is about 1 MB): bounds the memory a chunk takes.</summary>
    public int MaxStagedChunkBytes { get; init; } = 16_777_216;

    /// <summary>The whole upload's staged text: twice the unpacked size an .xlsx may have.</summary>
    public long MaxStagedUploadBytes { get; init; } = 1_073_741_824;

    /// <summary>
    /// Reading a file (not storing it) may take this long: a 300,000-row sheet reads in about 6 s, so a file still
    /// being read after this is damaged or built to be slow, and is rejected as unreadable rather than retried.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromMinutes(3);

    public static IngestionLimits Default { get; } = new();
}
