using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>Participants, the NIK index and the change records, written in that order so a retry finds a consistent state.</summary>
public sealed class ParticipantStore(TableServiceClient tables)
{
    public const string ParticipantsTable = "participants";
    public const string NikIndexTable = "nikindex";
    public const string ChangesTable = "participantchanges";
    public const string NikUploadsTable = "nikuploads";

    private const int LookupParallelism = 16;

    /// <summary>A chunk's NIKs in one shared NIK index partition from which their key range is read at once.</summary>
    private const int DenseNiks = 20;

    private readonly LazyTable _participants = new(tables, ParticipantsTable);
    private readonly LazyTable _index = new(tables, NikIndexTable);
    private readonly LazyTable _changes = new(tables, ChangesTable);
    private readonly LazyTable _nikUploads = new(tables, NikUploadsTable);

    /// <summary>
    /// Every stored enrolment of each NIK, under any agreement of any region. A NIK index partition (a kecamatan)
    /// that no upload but <paramref name="uploadId"/> has written to holds no other enrolment of these NIKs (a NIK
    /// repeated in the file is rejected at staging), so its NIKs are not looked up: a new region's upload costs one
    /// small query per partition and chunk. In a partition others wrote to, a chunk with many NIKs there reads
    /// their key range once, leaving out this upload's own entries that replaced nothing (they change no outcome);
    /// a few NIKs are looked up one by one.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<NikIndexEntity>>> FindEnrolmentsAsync(
        IReadOnlyCollection<string> niks, string uploadId, CancellationToken cancellationToken = default)
    {
        var partitions = niks.Distinct(StringComparer.Ordinal).GroupBy(NikIndexEntity.PartitionOf, StringComparer.Ordinal).ToList();
        var shared = new ConcurrentBag<IGrouping<string, string>>();
        await Parallel.ForEachAsync(partitions,
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken },
            async (partition, token) =>
            {
                if (await ClaimPartitionAsync(partition.Key, uploadId, token))
                {
                    shared.Add(partition);
                }
            });

        var lookups = shared.SelectMany(partition => partition.Count() >= DenseNiks
            ? [[.. partition.Order(StringComparer.Ordinal)]]
            : partition.Select(nik => (IReadOnlyList<string>)[nik]));
        var index = await _index.GetAsync(cancellationToken);
        var found = new ConcurrentDictionary<string, IReadOnlyList<NikIndexEntity>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(lookups,
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var partition = NikIndexEntity.PartitionOf(group[0]);
                var from = NikIndexEntity.RowKeyPrefix(group[0]);
                var to = TableKeys.PrefixEnd(NikIndexEntity.RowKeyPrefix(group[^1]));
                var filter = group.Count == 1
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}")
                    : TableClient.CreateQueryFilter(
                        $"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to} and (UploadId ne {uploadId} or ReplacedUploadId ge {""})");
                var wanted = group.Count == 1 ? null : group.ToHashSet(StringComparer.Ordinal);
                var entries = new Dictionary<string, List<NikIndexEntity>>(StringComparer.Ordinal);
                await foreach (var entry in index.QueryAsync<NikIndexEntity>(filter, cancellationToken: token))
                {
                    if (wanted is null || wanted.Contains(entry.Nik))
                    {
                        (entries.TryGetValue(entry.Nik, out var list) ? list : entries[entry.Nik] = []).Add(entry);
                    }
                }
                foreach (var (nik, list) in entries)
                {
                    found[nik] = list;
                }
            });
        return found;
    }

    /// <summary>
    /// Records that <paramref name="uploadId"/> writes to a NIK index partition (before it does) and answers whether
    /// any other upload has written there. The claim is written before the partition is read again: of two uploads
    /// claiming one partition at the same moment, the one that reads last sees the other and looks its NIKs up, so
    /// they race no more than any two uploads checking the index before writing it.
    /// </summary>
    private async Task<bool> ClaimPartitionAsync(string partition, string uploadId, CancellationToken cancellationToken)
    {
        var uploads = await _nikUploads.ListAsync<NikUploadEntity>(partition, cancellationToken);
        if (!uploads.Any(upload => upload.UploadId == uploadId))
        {
            var table = await _nikUploads.GetAsync(cancellationToken);
            await table.UpsertEntityAsync(new NikUploadEntity { PartitionKey = partition, RowKey = uploadId }, TableUpdateMode.Replace, cancellationToken);
            uploads = await _nikUploads.ListAsync<NikUploadEntity>(partition, cancellationToken);
        }
        return uploads.Any(upload => upload.UploadId != uploadId);
    }

    /// <summary>Whether every participant stored under the agreement was written by <paramref name="uploadId"/> (none by another upload).</summary>
    public async Task<bool> AllFromUploadAsync(string region, string agreementNo, string uploadId, CancellationToken cancellationToken = default)
    {
        var table = await _participants.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ParticipantEntity.PartitionOf(region, agreementNo)} and UploadId ne {uploadId}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return false;
        }
        return true;
    }

    public async Task<ParticipantEntity?> FindAsync(string partitionKey, string nik, CancellationToken cancellationToken = default)
    {
        var table = await _participants.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<ParticipantEntity>(partitionKey, nik, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task WriteAsync(IReadOnlyList<ParticipantChangeEntity> changes, IReadOnlyList<ParticipantEntity> participants,
        CancellationToken cancellationToken = default)
    {
        if (changes.Count > 0)
        {
            await TableBatches.UpsertAsync(await _changes.GetAsync(cancellationToken), changes, cancellationToken);
        }
        await TableBatches.UpsertAsync(await _participants.GetAsync(cancellationToken), participants, cancellationToken);
        await TableBatches.UpsertAsync(await _index.GetAsync(cancellationToken), participants.Select(NikIndexEntity.From), cancellationToken);
    }

    /// <summary>One agreement's participants (one partition), with only the named properties when given.</summary>
    public async IAsyncEnumerable<ParticipantEntity> ListAgreementAsync(string region, string agreementNo, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await _participants.GetAsync(cancellationToken);
        var partition = ParticipantEntity.PartitionOf(region, agreementNo);
        await foreach (var participant in table.QueryAsync<ParticipantEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            select: select, cancellationToken: cancellationToken))
        {
            yield return participant;
        }
    }

    /// <summary>
    /// A region's participants (its partitions form the key range <c>{region}|</c> to <c>{region}}</c>), or one
    /// agreement's (one partition), optionally only those whose cover runs on <paramref name="activeOn"/>.
    /// Streamed page by page as the service returns them.
    /// </summary>
    public async IAsyncEnumerable<ParticipantEntity> ListAsync(string region, string? agreementNo, DateOnly? activeOn,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await _participants.GetAsync(cancellationToken);
        var filter = agreementNo is not null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ParticipantEntity.PartitionOf(region, agreementNo)}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {region + TableKeys.Separator} and PartitionKey lt {TableKeys.PrefixEnd(region + TableKeys.Separator)}");
        if (activeOn is { } date)
        {
            var day = IsoDate.Format(date);
            filter += " and " + TableClient.CreateQueryFilter($"CoverageStart le {day} and CoverageEnd ge {day}");
        }
        await foreach (var participant in table.QueryAsync<ParticipantEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return participant;
        }
    }
}
