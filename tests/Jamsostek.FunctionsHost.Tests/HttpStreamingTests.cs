using Jamsostek.TestSupport;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Jamsostek.FunctionsHost.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.FunctionsHost.Tests;

/// <summary>
/// 200 MB through the host's proxy, both ways, while this process (the host and the client) stays far below that:
/// the body streams from the client to the worker and back, never held whole.
/// </summary>
[Collection(MeasuredCollection.Name)]
public sealed class HttpStreamingTests(AzuriteFixture azurite, ITestOutputHelper output) : HostTest(azurite, output)
{
    private const int Megabytes = 200;
    private const long Bytes = Megabytes * 1024L * 1024L;
    private const long AllowedGrowth = 100L * 1024 * 1024;

    [Fact]
    public async Task UploadOf200MegabytesStreamsThroughTheHostToTheWorker()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        await WarmUpAsync(http);
        var content = new GeneratedContent(Bytes);

        var memory = StartMeasuring();
        using var response = await http.PostAsync("api/upload", content);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var growth = Growth(memory);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bytes, answer["length"]!.GetValue<long>());
        Assert.Equal(content.Sha256, answer["sha256"]!.GetValue<string>());
        Assert.True(growth < AllowedGrowth, $"the test process grew by {growth / 1048576} MB while uploading {Megabytes} MB");
    }

    [Fact]
    public async Task DownloadOf200MegabytesStreamsThroughTheHostFromTheWorker()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        await WarmUpAsync(http);

        var memory = StartMeasuring();
        using var response = await http.GetAsync($"api/download/{Megabytes}", HttpCompletionOption.ResponseHeadersRead);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                received += read;
            }
        }
        var growth = Growth(memory);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bytes, response.Content.Headers.ContentLength);
        Assert.Equal(Bytes, received);
        Assert.Equal(ExpectedDownloadSha256(), Convert.ToHexStringLower(hash.GetHashAndReset()));
        Assert.True(growth < AllowedGrowth, $"the test process grew by {growth / 1048576} MB while downloading {Megabytes} MB");
    }

    /// <summary>A small request first: connections, the worker's first invocation and the JIT are not what is measured.</summary>
    private static async Task WarmUpAsync(HttpClient http)
    {
        using var upload = await http.PostAsync("api/upload", new GeneratedContent(1024 * 1024));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        using var download = await http.GetAsync("api/download/1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    private static ProcessMemory StartMeasuring()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return ProcessMemory.StartMeasuring(Environment.ProcessId)
            ?? throw new InvalidOperationException("The peak resident set of this process cannot be measured here (Linux /proc is needed).");
    }

    private long Growth(ProcessMemory memory)
    {
        var growth = memory.PeakBytes()!.Value - memory.BaselineBytes;
        Output.WriteLine($"Resident set: {memory.BaselineBytes / 1048576} MB before, peak {growth / 1048576} MB above it");
        return growth;
    }

    /// <summary>What the test worker's Download function writes: 1 MB of (i mod 251), repeated.</summary>
    private static string ExpectedDownloadSha256()
    {
        var block = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i % 251)).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < Megabytes; i++)
        {
            hash.AppendData(block);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// A request body made as it is sent, 64 KB at a time, never held whole: pseudo-random bytes from a fixed seed,
    /// hashed on the way out.
    /// </summary>
    private sealed class GeneratedContent : HttpContent
    {
        private readonly long _length;
        private string? _sha256;

        public GeneratedContent(long length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        /// <summary>The SHA-256 of what was sent, once it was sent.</summary>
        public string Sha256 => _sha256 ?? throw new InvalidOperationException("The content has not been sent.");

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var random = new Random(20261204);
            var buffer = new byte[64 * 1024];
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (long sent = 0; sent < _length; sent += buffer.Length)
            {
                var size = (int)Math.Min(buffer.Length, _length - sent);
                random.NextBytes(buffer.AsSpan(0, size));
                hash.AppendData(buffer, 0, size);
                await stream.WriteAsync(buffer.AsMemory(0, size));
            }
            _sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
