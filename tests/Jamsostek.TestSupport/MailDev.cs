using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jamsostek.TestSupport;

/// <summary>MailDev's REST API: what the SMTP sink received, with bodies, headers and attachments.</summary>
public sealed class MailDev(Uri webAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = webAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<JsonObject>> EmailsAsync()
    {
        var emails = await _http.GetFromJsonAsync<JsonArray>("api/email") ?? [];
        return [.. emails.OfType<JsonObject>()];
    }

    /// <summary>
    /// The emails once at least <paramref name="count"/> have arrived (or fails after the timeout). Whether more came
    /// than should is for the test to check against what the digest runs reported sending: no fixed wait for extras.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<JsonObject> emails = [];
        await Eventually.TrueAsync(async () => (emails = await EmailsAsync()).Count >= count, timeout ?? TimeSpan.FromSeconds(60),
            $"MailDev holds {count} emails");
        return emails;
    }

    public async Task DeleteAllAsync() => (await _http.DeleteAsync("api/email/all")).EnsureSuccessStatusCode();

    public async Task<byte[]> AttachmentAsync(JsonObject email, JsonObject attachment) =>
        await _http.GetByteArrayAsync($"api/email/{email["id"]}/attachment/{Uri.EscapeDataString((string)attachment["generatedFileName"]!)}");

    /// <summary>The message as it arrived over SMTP (MailDev rewrites the HTML it shows: cid: images become data: URIs).</summary>
    public async Task<string> SourceAsync(JsonObject email) => await _http.GetStringAsync($"api/email/{email["id"]}/source");

    public void Dispose() => _http.Dispose();
}
