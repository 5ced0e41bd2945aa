using System.Security.Cryptography;
using System.Text;

namespace Jamsostek.Functions.Uploads;

/// <summary>
/// Upload ids. The upload holding some content: its region and the first 20 hex digits of the content's SHA-256,
/// e.g. "5204-3f9a0c1b2d4e5f607182". A duplicate (the same content in another blob of the region): the id of the
/// upload it duplicates, a hyphen and the first 12 hex digits of the SHA-256 of its own blob name (UTF-8, as
/// "5204/peserta (1).xlsx"), e.g. "5204-3f9a0c1b2d4e5f607182-9b1c07e4d2aa": the same blob name with the same content
/// is the same record however often it runs, and the id starts with the region like every other.
/// </summary>
public static class UploadIds
{
    /// <summary>The partition of uploads whose folder is not a region code (they are rejected, and still listed).</summary>
    public const string InvalidRegionPartition = "0000";

    public static string For(string region, string contentSha256) => $"{region}-{contentSha256[..20]}";

    /// <summary>The id of the blob <paramref name="blobName"/> whose content the upload <paramref name="uploadId"/> holds.</summary>
    public static string ForDuplicate(string uploadId, string blobName) =>
        $"{uploadId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..12]}";

    public static string RegionOf(string uploadId) => uploadId.Split('-', 2)[0];
}
