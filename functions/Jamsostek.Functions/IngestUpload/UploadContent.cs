using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Jamsostek.Functions.IngestUpload;

/// <summary>
/// The uploaded blob, read once from storage as a stream into a temporary file (the readers need a seekable file: an
/// .xlsx is a zip), hashed as it goes. Only the version that fired is read (If-Match its ETag). Bytes past the size
/// limit are hashed and counted but not kept, so an oversized file is told as FILE_TOO_LARGE with its real size.
/// </summary>
public sealed class UploadContent : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    private UploadContent(FileStream file, string sha256, long length, bool truncated)
    {
        File = file;
        Sha256 = sha256;
        Length = length;
        Truncated = truncated;
    }

    /// <summary>The bytes kept (at most the limit), seekable, deleted when disposed.</summary>
    public FileStream File { get; }

    /// <summary>Lower-case hex SHA-256 of the whole content.</summary>
    public string Sha256 { get; }

    /// <summary>The content's length, counting bytes past the limit that were not kept.</summary>
    public long Length { get; }

    /// <summary>The content was longer than the limit; <see cref="File"/> holds only its start.</summary>
    public bool Truncated { get; }

    public static async Task<UploadContent> ReadAsync(BlobClient blob, ETag version, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jamsostek-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var source = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
            {
                Conditions = new BlobRequestConditions { IfMatch = version },
                BufferSize = 4 * 1024 * 1024,
            }, cancellationToken);
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                // One byte over the limit is kept, so the readers never mistake a cut file for a whole one.
                var keep = (int)Math.Clamp(maxBytes + 1 - length, 0, read);
                if (keep > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, keep), cancellationToken);
                }
                length += read;
            }
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new UploadContent(file, Convert.ToHexStringLower(hash.GetHashAndReset()), length, length > maxBytes);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}
