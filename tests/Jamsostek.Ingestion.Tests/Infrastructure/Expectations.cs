using System.Security.Cryptography;

namespace Jamsostek.Ingestion.Tests.Infrastructure;

/// <summary>What every rejected upload and every upload at all must show.</summary>
public static class Expectations
{
    /// <summary>
    /// Rejected with the code, a Bahasa Indonesia message for the office that holds each fragment (and is neither
    /// the bare code nor the English text), nothing staged, nothing queued, the original untouched.
    /// </summary>
    public static async Task AssertRejectedAsync(this IngestionSystem system, Ingested upload, string code, params string[] messageFragments)
    {
        Assert.Equal("rejected", upload.Status);
        Assert.Equal(code, upload.RejectionCode);
        var message = upload.Summary.RejectionMessage;
        Assert.False(string.IsNullOrWhiteSpace(message), "The office gets no message.");
        Assert.NotEqual(code, message);
        Assert.NotEqual(upload.SummaryEn.RejectionMessage, message);
        foreach (var fragment in messageFragments)
        {
            Assert.Contains(fragment, message, StringComparison.Ordinal);
        }
        Assert.Empty(await system.StagingBlobNamesAsync(upload.UploadId));
        Assert.Empty(await system.DrainChunkMessagesAsync(upload.UploadId));
        Assert.Equal(0, upload.Record.GetInt32("Chunks") ?? 0);
        await system.AssertOriginalUnchangedAsync(upload);
    }

    /// <summary>The uploaded blob is still there, byte for byte: same ETag, same content hash.</summary>
    public static async Task AssertOriginalUnchangedAsync(this IngestionSystem system, Ingested upload)
    {
        var properties = (await upload.Blob.GetPropertiesAsync()).Value;
        Assert.Equal(upload.ETag, properties.ETag);
        await using var content = await upload.Blob.OpenReadAsync();
        Assert.Equal(upload.ContentSha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content)));
    }
}
