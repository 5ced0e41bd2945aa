namespace Jamsostek.Functions.Uploads;

/// <summary>An upload's id: its region and the first 20 hex digits of the content's SHA-256, e.g. "5204-3f9a…".</summary>
public static class UploadIds
{
    /// <summary>The partition of uploads whose folder is not a region code (they are rejected, and still listed).</summary>
    public const string InvalidRegionPartition = "0000";

    public static string For(string region, string contentSha256) => $"{region}-{contentSha256[..20]}";

    public static string RegionOf(string uploadId) => uploadId.Split('-', 2)[0];
}
