namespace Jamsostek.Core.Ingestion;

/// <summary>Reading the file ran past <see cref="IngestionLimits.MaxReadTime"/> at this row (the argument of its FILE_UNREADABLE).</summary>
public sealed record ReadTimeExceeded(int RowNumber, TimeSpan Limit);
