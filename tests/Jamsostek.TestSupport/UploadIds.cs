using System.Security.Cryptography;
using System.Text;

namespace Jamsostek.TestSupport;

/// <summary>The ids the app gives uploads, so a test knows an upload's id from what it uploads.</summary>
public static class UploadIds
{
    /// <summary>The region and the first 20 hex digits of the content's SHA-256.</summary>
    public static string Of(string region, byte[] content) => $"{region}-{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}";

    /// <inheritdoc cref="Of(string, byte[])"/>
    public static async Task<string> OfFileAsync(string region, string path)
    {
        await using var file = File.OpenRead(path);
        return $"{region}-{Convert.ToHexStringLower(await SHA256.HashDataAsync(file))[..20]}";
    }

    /// <summary>The id of a blob whose content another blob of the region brought first.</summary>
    public static string DuplicateOf(string region, byte[] content, string blobName) =>
        $"{Of(region, content)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..12]}";
}
