using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Jamsostek.Core.Ingestion;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>
/// POST /api/uploads?region=5204&amp;file=peserta.xlsx (function UploadSheet): the office portal's upload. The body
/// is streamed into <c>uploads/{region}/{file}</c>, exactly where any other upload lands, so the blob trigger
/// takes it from there. Through the app rather than a SAS URL: the key check stays in one place, the office never
/// holds storage credentials, and it works the same with identity-based storage in Azure (no account key to sign
/// a SAS with). An existing blob of the same name is never overwritten: the new one is named "file (2).xlsx". The
/// blob's record is claimed before the answer (<see cref="UploadClaims"/>, as the blob trigger will find it), so the
/// answer names the record the office will follow: the upload of new content, or the duplicate record of content
/// the region already has, pointing at the upload that holds it.
/// </summary>
public static class UploadSheetApi
{
    private const int MaxFileNameLength = 120;

    internal static async Task<Results<Accepted<UploadAccepted>, ProblemHttpResult>> UploadAsync(HttpContext context, BlobServiceClient blobs,
        UploadClaims claims, ILogger<UploadStore> logger, CancellationToken cancellationToken)
    {
        var language = ApiProblems.LanguageOf(context);
        if (CheckRequest(context, language, logger, out var region, out var file) is { } problem)
        {
            return problem;
        }
        AllowBodiesAsLargeAsAFile(context);
        var container = blobs.GetBlobContainerClient(UploadBlobNames.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = await FreeBlobAsync(container, region, file, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = new HashingStream(context.Request.Body, hash);
        BlobContentInfo stored;
        try
        {
            // If-None-Match: * — should another upload take the name meanwhile, it stays as it was.
            stored = (await blob.UploadAsync(body, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(Path.GetExtension(blob.Name)) },
            }, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return TypedResults.Problem(language == Language.En ? "Another file of this name arrived at the same moment. Upload again." : "Berkas lain dengan nama ini tiba bersamaan. Unggah kembali.",
                statusCode: StatusCodes.Status409Conflict, title: language == Language.En ? "Name taken" : "Nama sudah dipakai");
        }
        var claim = await claims.ClaimAsync(region, blob.Name, stored.ETag.ToString(), Convert.ToHexStringLower(hash.GetHashAndReset()), body.BytesRead,
            cancellationToken);
        var record = claim.Record;
        var duplicateOf = claim.Holder is { } holder ? new UploadReference(holder.UploadId, holder.BlobName, holder.Status) : null;
        return TypedResults.Accepted($"/api/uploads/{record.UploadId}",
            new UploadAccepted(record.UploadId, region, blob.Name, body.BytesRead, record.Status, duplicateOf));
    }

    /// <summary>The problem with the request, if any: a key that may not upload, a region or file name that will not do, a body missing or too large.</summary>
    private static ProblemHttpResult? CheckRequest(HttpContext context, Language language, ILogger logger, out string region, out string file)
    {
        var access = AccessKeyMiddleware.Of(context);
        (region, file) = ("", "");
        if (!access.Upload)
        {
            return ApiProblems.UploadForbidden(language);
        }
        if (ApiQuery.Region(context, access, logger, out var asked) is { } problem)
        {
            return problem;
        }
        if (asked is null)
        {
            return ApiProblems.BadParameter(language, "region", language == Language.En ? "the region to upload to" : "wilayah tujuan unggahan");
        }
        region = asked;
        if (SafeFileName(context.Request.Query["file"].FirstOrDefault()) is not { } safe)
        {
            return ApiProblems.BadParameter(language, "file", language == Language.En
                ? "a file name ending in .xlsx, .xls or .csv, without folders, at most 120 characters"
                : "nama berkas berakhiran .xlsx, .xls atau .csv, tanpa folder, paling panjang 120 karakter");
        }
        file = safe;
        var length = context.Request.ContentLength;
        if (length is null or 0)
        {
            return ApiProblems.BadParameter(language, "body", language == Language.En ? "the file's bytes, with a Content-Length" : "isi berkas, dengan Content-Length");
        }
        if (length > IngestionLimits.Default.MaxFileBytes)
        {
            return TypedResults.Problem(FileMessages.For(Core.Findings.FindingCode.FileTooLarge, [length.Value], language),
                statusCode: StatusCodes.Status413PayloadTooLarge, title: language == Language.En ? "File too large" : "Berkas terlalu besar");
        }
        return null;
    }

    /// <summary>The worker's web server caps bodies at 30 MB by default; a sheet may be 50 MiB (checked before).</summary>
    private static void AllowBodiesAsLargeAsAFile(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = IngestionLimits.Default.MaxFileBytes;
        }
    }

    /// <summary>"{region}/{file}", or "{region}/{stem} (2){extension}" and so on when that name is taken: an upload never overwrites one.</summary>
    private static async Task<BlobClient> FreeBlobAsync(BlobContainerClient container, string region, string file, CancellationToken cancellationToken)
    {
        var (stem, extension) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
        var blob = container.GetBlobClient(UploadBlobNames.For(region, file));
        for (var copy = 2; await blob.ExistsAsync(cancellationToken); copy++)
        {
            blob = container.GetBlobClient(UploadBlobNames.For(region, $"{stem} ({copy}){extension}"));
        }
        return blob;
    }

    /// <summary>The name without any folder part, only where it is a plain spreadsheet name; null otherwise.</summary>
    public static string? SafeFileName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var name = text.Trim();
        if (name.Length > MaxFileNameLength || name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '#', '%']) >= 0
            || name.Any(char.IsControl) || name.StartsWith('.'))
        {
            return null;
        }
        return Path.GetExtension(name).ToLowerInvariant() is ".xlsx" or ".xls" or ".csv" ? name : null;
    }

    private static string ContentTypeOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xls" => "application/vnd.ms-excel",
        _ => "text/csv",
    };
}

/// <param name="UploadId">Follow it at /api/uploads/{uploadId}: the file's own record, there from this answer on.</param>
/// <param name="Status">The record's status now: <c>received</c> (the blob trigger reads it next; later ones when it was quicker), or
/// <c>duplicate</c>: the region already has this content, and nothing is checked again.</param>
/// <param name="DuplicateOf">A duplicate's: the upload that holds the content, with its status now.</param>
public sealed record UploadAccepted(string UploadId, string Region, string Blob, long Bytes, string Status, UploadReference? DuplicateOf);

/// <summary>Hashes what is read through it, so the upload id is known when the last byte is stored.</summary>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Record(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Record(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Record(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        BytesRead += bytes.Length;
    }
}
