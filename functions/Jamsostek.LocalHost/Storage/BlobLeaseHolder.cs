using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Jamsostek.LocalHost.Storage;

/// <summary>
/// A blob lease held and renewed until disposed: how the host keeps one instance working on a blob
/// receipt and one instance running a timer. <see cref="Lost"/> fires if a renewal fails.
/// </summary>
internal sealed class BlobLeaseHolder : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewal;

    private BlobLeaseHolder(BlobLeaseClient lease, TimeSpan duration)
    {
        _lease = lease;
        _duration = duration;
        _renewal = RenewAsync();
    }

    public string LeaseId => _lease.LeaseId;

    public CancellationToken Lost => _lost.Token;

    /// <summary>Null when someone else holds the lease. The blob must exist (see <see cref="EnsureExistsAsync"/>).</summary>
    public static async Task<BlobLeaseHolder?> TryAcquireAsync(BlobClient blob, TimeSpan duration, CancellationToken cancellationToken)
    {
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return new BlobLeaseHolder(lease, duration);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public static async Task EnsureExistsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists already (possibly leased by another instance).
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewal;
        }
        catch (OperationCanceledException)
        {
        }
        try
        {
            await _lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Expired or taken over: nothing of ours to release.
        }
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            await Task.Delay(_duration / 3, _stop.Token);
            try
            {
                await _lease.RenewAsync(cancellationToken: _stop.Token);
            }
            catch (RequestFailedException)
            {
                await _lost.CancelAsync();
                return;
            }
        }
    }
}
