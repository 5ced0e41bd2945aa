using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>A blob as uploaded (its ETag and content hash at upload time) and the upload records holding its content.</summary>
public sealed record Ingested(BlobClient Blob, ETag ETag, string ContentSha256, IReadOnlyList<TableEntity> Records)
{
    /// <summary>The one record of this content; fails the test when there is none or more than one.</summary>
    public TableEntity Record => Assert.Single(Records);

    public string UploadId => Record.RowKey;

    public string? Status => Record.GetString("Status");

    public string? RejectionCode => Record.GetString("RejectionCode");

    public int Count(string property) => Record.GetInt32(property) ?? throw new InvalidOperationException($"The record has no {property}.");
}
