using Jamsostek.Core.Uploads;

namespace Jamsostek.LocalHost.Samples;

/// <summary>A sheet in samples/{region}/, uploaded as uploads/{region}/{file}.</summary>
public sealed record SampleSheet(string Region, string FileName, string Path)
{
    public string BlobName => UploadBlobNames.For(Region, FileName);

    /// <summary>Agreement sheets are named perjanjian-*: they go first, because enrolments refer to agreements.</summary>
    public bool IsAgreements => FileName.StartsWith("perjanjian", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Employer compliance sheets are named kepatuhan-*: they refer to nothing, so they go with the enrolments and are
    /// reported after them.
    /// </summary>
    public bool IsCompliance => FileName.StartsWith("kepatuhan", StringComparison.OrdinalIgnoreCase);
}
