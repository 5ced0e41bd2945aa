using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;

namespace Jamsostek.FunctionsHost.Triggers;

/// <summary>The timer's status as the host keeps it, in <c>azure-webjobs-hosts/timers/{hostId}/{function}/status</c>.</summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

internal sealed class ScheduleMonitor(BlobContainerClient hostContainer, string hostId)
{
    public BlobClient StatusBlob(string functionFullName) => hostContainer.GetBlobClient($"timers/{hostId}/{functionFullName}/status");

    public async Task<ScheduleStatus?> GetStatusAsync(string functionFullName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await StatusBlob(functionFullName).DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize(content.Value.Content.ToString(), ScheduleMonitorJsonContext.Default.ScheduleStatus);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null; // A damaged status is treated as none, as the host does.
        }
    }

    public Task UpdateStatusAsync(string functionFullName, ScheduleStatus status, CancellationToken cancellationToken) =>
        StatusBlob(functionFullName).UploadAsync(
            BinaryData.FromString(JsonSerializer.Serialize(status, ScheduleMonitorJsonContext.Default.ScheduleStatus)),
            overwrite: true, cancellationToken);
}

[JsonSerializable(typeof(ScheduleStatus))]
internal sealed partial class ScheduleMonitorJsonContext : JsonSerializerContext;
