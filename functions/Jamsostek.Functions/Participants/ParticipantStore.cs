using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Participants;

/// <summary>
/// Participants and their change records. A chunk writes them after its <see cref="NikCoverageStore"/> entries, changes
/// first, so a retry that finds its own coverage entries can tell from the participant whether the change was recorded.
/// </summary>
public sealed class ParticipantStore(TableServiceClient tables)
{
    public const string ParticipantsTable = "participants";
    public const string ChangesTable = "participantchanges";

    private const int ReadParallelism = 16;

    private readonly LazyTable _participants = new(tables, ParticipantsTable);
    private readonly LazyTable _changes = new(tables, ChangesTable);

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
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, nik, cancellationToken: cancellationToken);
        return response.HasValue ? new ParticipantEntity(response.Value!) : null;
    }

    /// <summary>The stored participant at each key that has one (point reads).</summary>
    public async Task<IReadOnlyDictionary<(string PartitionKey, string Nik), ParticipantEntity>> FindAsync(
        IEnumerable<(string PartitionKey, string Nik)> keys, CancellationToken cancellationToken = default)
    {
        var found = new ConcurrentDictionary<(string PartitionKey, string Nik), ParticipantEntity>();
        await Parallel.ForEachAsync(keys.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                if (await FindAsync(key.PartitionKey, key.Nik, token) is { } participant)
                {
                    found[key] = participant;
                }
            });
        return found;
    }

    public async Task WriteAsync(IReadOnlyList<ParticipantChangeEntity> changes, IReadOnlyList<ParticipantEntity> participants,
        CancellationToken cancellationToken = default)
    {
        if (changes.Count > 0)
        {
            await TableBatches.UpsertAsync(await _changes.GetAsync(cancellationToken), changes, cancellationToken);
        }
        await TableBatches.UpsertAsync(await _participants.GetAsync(cancellationToken), participants, cancellationToken);
    }

    /// <summary>One agreement's participants (one partition), with only the named properties when given.</summary>
    public async IAsyncEnumerable<ParticipantEntity> ListAgreementAsync(string region, string agreementNo, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await _participants.GetAsync(cancellationToken);
        var partition = ParticipantEntity.PartitionOf(region, agreementNo);
        await foreach (var participant in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            select: select, cancellationToken: cancellationToken))
        {
            yield return new ParticipantEntity(participant);
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
        await foreach (var participant in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return new ParticipantEntity(participant);
        }
    }
}
