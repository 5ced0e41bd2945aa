namespace Jamsostek.Core.Uploads;

/// <summary>Where an office's file lands: container <c>uploads</c>, blob <c>{region}/{file}</c>, whoever puts it there.</summary>
public static class UploadBlobNames
{
    public const string Container = "uploads";

    /// <summary>"5204/peserta-oktober.xlsx".</summary>
    public static string For(string region, string fileName) => $"{region}/{fileName}";
}
