using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Jamsostek.LocalHost.Samples;

/// <summary>
/// Loads samples/recipients.json into the app on first start, so the local system's first digest run has people to
/// write to: through the app's own admin endpoint (<c>PUT /api/manage/recipients/{id}</c>, master key), exactly as an
/// operator would, and only when the app has no recipients yet (a restart, or recipients an operator changed, are
/// left alone).
/// </summary>
public sealed class SampleRecipients(HttpClient host, string route, string? masterKey, ILogger logger)
{
    public const string FileName = "recipients.json";

    /// <summary>How many recipients were loaded: 0 when some were there already; null when nothing could be done.</summary>
    public async Task<int?> RunAsync(string samplesFolder, TextWriter output, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(samplesFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        if (string.IsNullOrEmpty(masterKey))
        {
            output.WriteLine($"Recipients  not loaded: no LocalHostMasterKey setting to call /{route} with");
            return null;
        }
        try
        {
            using var list = await SendAsync(HttpMethod.Get, "", null, cancellationToken);
            if (!list.IsSuccessStatusCode)
            {
                output.WriteLine($"Recipients  not loaded: GET /{route} answered {(int)list.StatusCode}");
                return null;
            }
            var existing = JsonNode.Parse(await list.Content.ReadAsStringAsync(cancellationToken))?["recipients"]?.AsArray().Count ?? 0;
            if (existing > 0)
            {
                output.WriteLine($"Recipients  {existing} configured (GET /{route}); {FileName} not loaded again");
                return 0;
            }
            var recipients = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken))?["recipients"]?.AsArray() ?? [];
            var loaded = 0;
            var regions = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var recipient in recipients.OfType<JsonObject>())
            {
                var id = recipient["id"]?.GetValue<string>();
                if (string.IsNullOrEmpty(id))
                {
                    continue;
                }
                using var put = await SendAsync(HttpMethod.Put, "/" + Uri.EscapeDataString(id), recipient.ToJsonString(), cancellationToken);
                if (put.IsSuccessStatusCode)
                {
                    loaded++;
                    regions.Add(recipient["region"]?.GetValue<string>() ?? "");
                }
                else
                {
                    SampleLog.RecipientRefused(logger, id, (int)put.StatusCode);
                }
            }
            output.WriteLine($"Recipients  {loaded} digest recipients for regions {string.Join(", ", regions)} from samples/{FileName}");
            return loaded;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            SampleLog.RecipientsFailed(logger, ex.GetType().Name, ex.Message);
            output.WriteLine($"Recipients  not loaded: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string suffix, string? json, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, $"{route}{suffix}");
        request.Headers.Add("x-functions-key", masterKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return host.SendAsync(request, cancellationToken);
    }
}

internal static partial class SampleLog
{
    [LoggerMessage(EventId = 76, Level = LogLevel.Warning, Message = "Sample recipient {RecipientId} refused by the app ({Status})")]
    public static partial void RecipientRefused(ILogger logger, string recipientId, int status);

    [LoggerMessage(EventId = 77, Level = LogLevel.Warning, Message = "Sample recipients not loaded ({ExceptionType}: {Reason})")]
    public static partial void RecipientsFailed(ILogger logger, string exceptionType, string reason);
}
