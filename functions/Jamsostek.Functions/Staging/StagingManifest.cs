using System.Text.Json;
using System.Text.Json.Serialization;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Staging;

/// <summary>
/// <c>staging/{uploadId}/manifest.json</c>: what validation and the rejected-rows file need about the sheet as a
/// whole (kind, sheet, header row, the original column headings) besides the chunks.
/// </summary>
public sealed record StagingManifest(
    string UploadId,
    string Region,
    string BlobName,
    [property: JsonConverter(typeof(UploadKindJsonConverter))] SheetKind Kind,
    string Format,
    string Sheet,
    int HeaderRow,
    IReadOnlyList<string?> Columns,
    IReadOnlyDictionary<string, string> FieldColumns,
    int RowsRead,
    int BlankRows,
    int Chunks,
    int ChunkSize,
    string? SnapshotDate = null)
{
    public static byte[] Serialize(UploadRecord record, IngestionResult result) => JsonSerializer.SerializeToUtf8Bytes(
        new StagingManifest(record.UploadId, record.Region, record.BlobName, record.SheetKind ?? throw new InvalidOperationException("An upload is staged only once its kind is known."), record.Format!, result.Sheet, result.HeaderRow,
            result.Columns, result.FieldColumns, result.RowsRead, result.BlankRows, result.Chunks, result.ChunkSize, record.SnapshotDate),
        StagingManifestJsonContext.Default.StagingManifest);

    public static StagingManifest Deserialize(BinaryData content) =>
        JsonSerializer.Deserialize(content.ToMemory().Span, StagingManifestJsonContext.Default.StagingManifest)
        ?? throw new InvalidDataException("The staging manifest is empty.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StagingManifest))]
internal sealed partial class StagingManifestJsonContext : JsonSerializerContext;
