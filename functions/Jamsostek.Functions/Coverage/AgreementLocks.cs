using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Coverage;

/// <summary>
/// One agreement's coverage is recounted by one finalizer at a time, on every instance: two uploads of the same
/// agreement finishing together would otherwise each read the participants and write their counts, and the one
/// that read first could write last. The lock is a blob lease (as the Functions host's own singleton locks are) on
/// <c>locks/coverage/{region}/{agreement hash}</c>, renewed while held, so a process that dies frees it within
/// <see cref="LeaseDuration"/>.
/// </summary>
public sealed class AgreementLocks(BlobServiceClient blobs, TimeProvider time, ILogger<AgreementLocks> logger)
{
    public const string ContainerName = "locks";

    /// <summary>How long a lease lasts unless renewed; it is renewed every third of it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long a finalizer waits for another to finish before failing (and the queue retrying it).</summary>
    public static readonly TimeSpan WaitAtMost = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    private readonly LazyContainer _container = new(blobs, ContainerName);

    public static string BlobNameOf(string region, string agreementNo) =>
        $"coverage/{region}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(agreementNo)))[..32]}";

    public async Task<IAsyncDisposable> AcquireAsync(string region, string agreementNo, CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync(cancellationToken);
        var blob = container.GetBlobClient(BlobNameOf(region, agreementNo));
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists (perhaps leased right now): that is all this needed.
        }
        var lease = blob.GetBlobLeaseClient();
        var deadline = time.GetUtcNow() + WaitAtMost;
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(time, lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && time.GetUtcNow() < deadline)
            {
                if (delay == FirstRetry)
                {
                    CoverageLog.WaitingForAgreementLock(logger, region);
                }
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
            }
        }
    }

    /// <summary>A held lease, renewed in the background until disposed, then released.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(TimeProvider time, BlobLeaseClient lease)
        {
            _lease = lease;
            _renewing = RenewAsync(time, _stop.Token);
        }

        private async Task RenewAsync(TimeProvider time, CancellationToken stop)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(LeaseDuration / 3, time, stop);
                    await _lease.RenewAsync(cancellationToken: stop);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or RequestFailedException)
            {
                // Stopped, or the lease was lost: the release below then fails harmlessly too.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Expired or taken meanwhile: nothing to give back.
            }
        }
    }
}
