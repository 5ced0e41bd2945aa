namespace Jamsostek.Functions.Uploads;

/// <summary>
/// Which record a blob of <c>uploads</c> is, from its region, name and content: what IngestUpload asks of every blob
/// and the portal's upload (POST /api/uploads) asks at once, so that the office's answer names the record it will see.
/// The first blob of some content in a region holds the content: its record has the content's id
/// (<see cref="UploadIds.For"/>), and the same blob name with the same content (a retry, a restart, the host running
/// it again) finds that record again. Another blob name with the same content (what a browser or Explorer names
/// "peserta (1).xlsx") gets a record of its own, status <see cref="UploadStatus.Duplicate"/>, id
/// <see cref="UploadIds.ForDuplicate"/>, naming the holder; nothing is read for it. Records are only ever added
/// where none exists, so two blobs of one content arriving together end as one holder and one duplicate.
/// </summary>
public sealed class UploadClaims(UploadStore uploads, TimeProvider time)
{
    public async Task<UploadClaim> ClaimAsync(string partition, string blobName, string blobETag, string contentSha256, long contentLength,
        CancellationToken cancellationToken = default)
    {
        var uploadId = UploadIds.For(partition, contentSha256);
        var holder = await uploads.FindAsync(partition, uploadId, cancellationToken);
        if (holder is null)
        {
            var record = new UploadRecord
            {
                PartitionKey = partition,
                RowKey = uploadId,
                ReceivedAt = time.GetUtcNow(),
                BlobName = blobName,
                BlobETag = blobETag,
                ContentSha256 = contentSha256,
                ContentLength = contentLength,
            };
            if (await uploads.TryAddAsync(record, cancellationToken))
            {
                return new UploadClaim(record, null, Created: true);
            }
            // Another blob of this content was claimed at the same moment (it is never deleted, so it is there now).
            holder = await uploads.FindAsync(partition, uploadId, cancellationToken)
                ?? throw new InvalidOperationException($"Upload {uploadId} existed a moment ago and is gone.");
        }
        if (string.Equals(holder.BlobName, blobName, StringComparison.Ordinal))
        {
            return new UploadClaim(holder, null, Created: false);
        }
        return await ClaimDuplicateAsync(holder, blobName, blobETag, contentSha256, contentLength, cancellationToken);
    }

    /// <summary>The blob's duplicate record, naming <paramref name="holder"/>: added now, or found as an earlier run (or a rival) added it.</summary>
    private async Task<UploadClaim> ClaimDuplicateAsync(UploadRecord holder, string blobName, string blobETag, string contentSha256, long contentLength,
        CancellationToken cancellationToken)
    {
        var partition = holder.PartitionKey;
        var duplicateId = UploadIds.ForDuplicate(holder.UploadId, blobName);
        if (await uploads.FindAsync(partition, duplicateId, cancellationToken) is { } known)
        {
            return new UploadClaim(known, holder, Created: false);
        }
        var now = time.GetUtcNow();
        var duplicate = new UploadRecord
        {
            PartitionKey = partition,
            RowKey = duplicateId,
            ReceivedAt = now,
            CompletedAt = now,
            BlobName = blobName,
            BlobETag = blobETag,
            ContentSha256 = contentSha256,
            ContentLength = contentLength,
            Status = UploadStatus.Duplicate,
            DuplicateOf = holder.UploadId,
            DuplicateOfBlob = holder.BlobName,
        };
        if (await uploads.TryAddAsync(duplicate, cancellationToken))
        {
            return new UploadClaim(duplicate, holder, Created: true);
        }
        return new UploadClaim(await uploads.FindAsync(partition, duplicateId, cancellationToken) ?? duplicate, holder, Created: false);
    }
}

/// <param name="Record">The blob's own record: the holder of its content, or its duplicate record.</param>
/// <param name="Holder">When the blob is a duplicate, the record of the upload that holds its content, as it stands now.</param>
/// <param name="Created">Whether this call added <paramref name="Record"/>.</param>
public sealed record UploadClaim(UploadRecord Record, UploadRecord? Holder, bool Created)
{
    public bool IsDuplicate => Holder is not null;
}
