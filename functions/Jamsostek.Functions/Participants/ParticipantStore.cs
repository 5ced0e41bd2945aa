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

    private const int LookupParallelism = 16;

    private readonly LazyTable _participants = new(tables, ParticipantsTable);
    private readonly LazyTable _index = new(tables, NikIndexTable);
    private readonly LazyTable _changes = new(tables, ChangesTable);

    /// <summary>Every stored enrolment of each NIK, under any agreement of any region.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<NikIndexEntity>>> FindEnrolmentsAsync(
        IReadOnlyCollection<string> niks, CancellationToken cancellationToken = default)
    {
        var index = await _index.GetAsync(cancellationToken);
        var found = new ConcurrentDictionary<string, IReadOnlyList<NikIndexEntity>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(niks.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken },
            async (nik, token) =>
            {
                var prefix = NikIndexEntity.RowKeyPrefix(nik);
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {NikIndexEntity.PartitionOf(nik)} and RowKey ge {prefix} and RowKey lt {TableKeys.PrefixEnd(prefix)}");
                List<NikIndexEntity>? entries = null;
                await foreach (var entry in index.QueryAsync<NikIndexEntity>(filter, cancellationToken: token))
                {
                    (entries ??= []).Add(entry);
                }
                if (entries is not null)
                {
                    found[nik] = entries;
                }
            });
        return found;
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
