using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// Table <c>uploadchunks</c>: one entity per validated chunk, PartitionKey the upload id, RowKey the chunk number
/// (5 digits). Written last, once the chunk's rows and findings are stored: its presence means "done", so a
/// redelivered message skips the work, and the upload is final when every chunk has one.
/// </summary>
public sealed class ChunkResultEntity(TableEntity entity) : TableRecord(entity)
{
    public ChunkResultEntity() : this(new TableEntity())
    {
    }

    public int Rows { get => Int32(); set => Set(value); }

    public int Accepted { get => Int32(); set => Set(value); }

    public int Rejected { get => Int32(); set => Set(value); }

    public int Warnings { get => Int32(); set => Set(value); }

    /// <summary>Workers already stored under the same agreement whose values changed.</summary>
    public int Updated { get => Int32(); set => Set(value); }

    /// <summary>The agreement numbers the chunk's accepted rows belong to, separated by newlines.</summary>
    public string Agreements { get => Text(); set => Set(value); }

    /// <summary>
    /// The participants the chunk stored, counted by agreement, segment, occupation and period (see
    /// <see cref="ValidateChunk.ChunkCoverage"/>); null when there were too many different ones to keep here.
    /// </summary>
    public string? Coverage { get => TextOrNull(); set => Set(value); }

    public static string RowKeyOf(int chunk) => chunk.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
