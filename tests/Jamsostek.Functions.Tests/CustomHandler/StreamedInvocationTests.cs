using System.Security.Cryptography;
using System.Text;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Tests.Payloads;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.Functions.Tests.CustomHandler;

public sealed class StreamedInvocationTests
{
    [Fact]
    public async Task RecordedBlobPayloadIsDecodedToAFileWithTheRestOfTheRequestIntact()
    {
        await using var body = File.OpenRead(RecordedPayload.PathOf(RecordedPayload.BlobTrigger));
        var expected = (await RecordedPayload.BindAsync(RecordedPayload.BlobTrigger)).GetBytes("upload");

        await using var invocation = await StreamedInvocation.ReadAsync(body, "upload", 1_000_000, CancellationToken.None);

        Assert.Equal(expected, ReadAll(invocation.Content));
        Assert.False(invocation.Truncated);
        Assert.Equal("uploads/5204/peserta.csv", invocation.Request.BlobTrigger.BlobTrigger);
        Assert.Equal("5204", invocation.Request.BlobTrigger.PathValue("region"));
    }

    [Fact]
    public async Task LargeContentArrivesByteForByteWhateverTheOrderOfDataAndMetadata()
    {
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 5);
        var json = $$$"""{"Metadata":{"name":"besar.xlsx","sys":{"MethodName":"IngestUpload"}},"Data":{"other":[1,{"a":"}"}],"upload":"{{{Convert.ToBase64String(content)}}}"}}""";

        await using var invocation = await ReadAsync(json, maxBytes: 10_000_000);

        Assert.Equal(content, ReadAll(invocation.Content));
        Assert.Equal(content.Length, invocation.Length);
        Assert.Equal("besar.xlsx", invocation.Request.GetMetadataString("name"));
        Assert.Equal("""[1,{"a":"}"}]""", invocation.Request.GetData("other").GetRawText());
    }

    [Fact]
    public async Task EscapedBase64CharactersAndWrappedLinesAreDecoded()
    {
        var content = new byte[] { 0xFB, 0xFF, 0xBF, 0x00, 0x10, 0x83 };
        var base64 = Convert.ToBase64String(content); // "+/+/ABCD"-like: holds '+' and '/'
        var escaped = Escape(base64[..4]) + "\\r\\n" + Escape(base64[4..]);

        await using var invocation = await ReadAsync($$$"""{"Data":{"upload":"{{{escaped}}}"},"Metadata":{}}""", maxBytes: 100);

        Assert.Contains('+', base64);
        Assert.Equal(content, ReadAll(invocation.Content));
    }

    [Fact]
    public async Task ContentOverTheLimitIsMarkedTruncatedAndNotKeptWhole()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);

        await using var invocation = await ReadAsync($$$"""{"Data":{"upload":"{{{Convert.ToBase64String(content)}}}"},"Metadata":{"name":"x"}}""", maxBytes: 100_000);

        Assert.True(invocation.Truncated);
        Assert.Equal(300_000, invocation.Length);
        Assert.True(invocation.Content.Length <= 100_001, $"kept {invocation.Content.Length} bytes");
        Assert.Equal("x", invocation.Request.GetMetadataString("name"));
    }

    [Fact]
    public async Task ContentThatIsNotBase64NamesTheBinding()
    {
        var error = await Assert.ThrowsAsync<InvocationPayloadException>(() => ReadAsync("""{"Data":{"upload":"not base64!"},"Metadata":{}}""", 100));

        Assert.Equal("upload", error.Binding);
    }

    [Theory]
    [InlineData("""{"Data":{"upload":"AAAA""")]
    [InlineData("""{"Data" {"upload":"AAAA"}}""")]
    [InlineData("""["Data"]""")]
    public async Task MalformedRequestIsABadRequest(string json)
    {
        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => ReadAsync(json, 100));

        Assert.Equal(StatusCodes.Status400BadRequest, error.StatusCode);
    }

    private static async Task<StreamedInvocation> ReadAsync(string json, long maxBytes) =>
        await StreamedInvocation.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "upload", maxBytes, CancellationToken.None);

    private static string Escape(string base64) =>
        base64.Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal);

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.Position = 0;
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
