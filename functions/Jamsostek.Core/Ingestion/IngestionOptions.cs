namespace Jamsostek.Core.Ingestion;

public sealed record IngestionOptions
{
    /// <summary>
    /// Rows per chunk: one validation message and one staging blob each. 1,000 rows make a chunk of roughly
    /// 0.5-1 MB, ten table transactions of 100, and about 100 messages for a 100,000-row province upload.
    /// </summary>
    public int ChunkSize { get; init; } = 1_000;

    public IngestionLimits Limits { get; init; } = IngestionLimits.Default;

    /// <summary>The upload's date in its region: a compliance snapshot may not be dated after it. Null: not checked.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>The clock the read time is measured on (<see cref="IngestionLimits.MaxReadTime"/>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
