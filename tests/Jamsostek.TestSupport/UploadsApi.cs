using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jamsostek.TestSupport;

/// <summary>
/// The uploads as the office follows them: GET /api/uploads/{uploadId} and GET /api/uploads?region=, with a key that
/// may read them. Tests wait for an upload to be final here, never by reading the uploads table's columns.
/// </summary>
public sealed class UploadsApi(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The upload, or null while it has no record yet (404).</summary>
    public async Task<UploadSummary?> FindAsync(string uploadId, string language = "id", CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync($"api/uploads/{Uri.EscapeDataString(uploadId)}?lang={language}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<UploadSummary>(Json, cancellationToken);
    }

    public async Task<UploadSummary> GetAsync(string uploadId, string language = "id", CancellationToken cancellationToken = default) =>
        await FindAsync(uploadId, language, cancellationToken) ?? throw new InvalidOperationException($"Upload {uploadId} has no record.");

    /// <summary>The region's uploads (every upload the key may see when null), newest first.</summary>
    public async Task<IReadOnlyList<UploadSummary>> ListAsync(string? region, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(region is null ? "api/uploads" : $"api/uploads?region={Uri.EscapeDataString(region)}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<UploadList>(Json, cancellationToken))!.Uploads;
    }

    /// <summary>Waits until the upload is final (completed, with errors, rejected, failed or a duplicate); returns it.</summary>
    /// <remarks>
    /// The app may answer 5xx meanwhile (its worker restarting, its storage refusing in a fault test): that is asked
    /// again, not a failure, until the timeout.
    /// </remarks>
    public async Task<UploadSummary> WaitForFinalAsync(string uploadId, TimeSpan? timeout = null)
    {
        UploadSummary? upload = null;
        HttpRequestException? lastError = null;
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return (upload = await FindAsync(uploadId)) is { IsFinal: true };
                }
                catch (HttpRequestException ex) when (IsTransient(ex))
                {
                    lastError = ex;
                    return false;
                }
            }, limit, $"upload {uploadId} final");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Upload {uploadId} is still {upload?.Status ?? "unrecorded"} after {limit.TotalSeconds:0} s"
                + (lastError is null ? "." : $" (last refusal: {lastError.Message})."));
        }
        return upload!;
    }

    /// <summary>
    /// Waits until the region's newest upload of the blob {region}/{fileName} is final; returns it (for uploads whose
    /// content the test does not hold, such as the samples).
    /// </summary>
    public async Task<UploadSummary> WaitForFinalAsync(string region, string fileName, TimeSpan? timeout = null)
    {
        UploadSummary? upload = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                upload = (await ListAsync(region)).FirstOrDefault(u => u.File == $"{region}/{fileName}");
            }
            catch (HttpRequestException ex) when (IsTransient(ex))
            {
                return false;
            }
            return upload is { IsFinal: true };
        }, timeout ?? TimeSpan.FromSeconds(120), $"{region}/{fileName} final");
        return upload!;
    }

    /// <summary>A server error or no answer at all: worth asking again.</summary>
    private static bool IsTransient(HttpRequestException ex) => ex.StatusCode is null || (int)ex.StatusCode >= 500;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}",
                null, response.StatusCode);
        }
    }
}
