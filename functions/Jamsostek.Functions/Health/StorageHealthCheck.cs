using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jamsostek.Functions.Health;

/// <summary>Healthy when the storage account answers a listing: uploads, queues and tables all live there.</summary>
internal sealed class StorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
            return HealthCheckResult.Healthy("Storage account reachable.");
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            // The exception type only: messages can carry account names and URLs.
            return HealthCheckResult.Unhealthy($"Storage account not reachable ({ex.GetType().Name}).");
        }
    }
}
