using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Jamsostek.FunctionsHost.Storage;

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

    private static readonly TimeSpan ReleaseLimit = TimeSpan.FromSeconds(5);

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
        // Released so that another instance may take over at once; when storage does not answer soon (it may be
        // stopping with us), the lease lapses by itself within its period, as when a host dies.
        using var release = new CancellationTokenSource(ReleaseLimit);
        try
        {
            await _lease.ReleaseAsync(cancellationToken: release.Token);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException)
        {
            // Expired, taken over, or storage gone: nothing more to do.
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
