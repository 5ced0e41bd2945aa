using Azure;
using Azure.Data.Tables;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// Table <c>uploadchunks</c>: one entity per validated chunk, PartitionKey the upload id, RowKey the chunk number
/// (5 digits). Written last, once the chunk's rows and findings are stored: its presence means "done", so a
/// redelivered message skips the work, and the upload is final when every chunk has one.
/// </summary>
public sealed class ChunkResultEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Rows { get; set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int Warnings { get; set; }

    /// <summary>Workers already stored under the same agreement whose values changed.</summary>
    public int Updated { get; set; }

    /// <summary>The agreement numbers the chunk's accepted rows belong to, separated by newlines.</summary>
    public string Agreements { get; set; } = "";

    /// <summary>
    /// The participants the chunk stored, counted by agreement, segment, occupation and period (see
    /// <see cref="ValidateChunk.ChunkCoverage"/>); null when there were too many different ones to keep here.
    /// </summary>
    public string? Coverage { get; set; }

    public static string RowKeyOf(int chunk) => chunk.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
