using Azure.Data.Tables;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Coverage;

/// <summary>What coverage is counted by: segment, occupation and period (ISO dates).</summary>
public readonly record struct CoverageKey(string Segment, string Occupation, string Start, string End)
{
    public static CoverageKey Of(ParticipantEntity participant) => new(participant.Segment ?? CoverageEntity.Unspecified,
        participant.Occupation ?? CoverageEntity.Unspecified, participant.CoverageStart, participant.CoverageEnd);
}

/// <summary>The coverage table (see <see cref="CoverageEntity"/>).</summary>
public sealed class CoverageStore(TableServiceClient tables, ParticipantStore participants)
{
    public const string TableName = "coverage";

    private static readonly string[] CountedProperties = ["Segment", "Occupation", "CoverageStart", "CoverageEnd"];

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>
    /// Counts one agreement's participants afresh and replaces its coverage entities. A recount rather than an
    /// increment: running it twice (a redelivered message, two uploads finishing together) gives the same result.
    /// </summary>
    public async Task<int> RecountAgreementAsync(string region, string agreementNo, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<CoverageKey, int>();
        await foreach (var participant in participants.ListAgreementAsync(region, agreementNo, CountedProperties, cancellationToken))
        {
            var key = CoverageKey.Of(participant);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return await ReplaceAgreementAsync(region, agreementNo, counts, cancellationToken);
    }

    /// <summary>Replaces one agreement's coverage entities with these counts (the whole agreement's); returns their sum.</summary>
    public async Task<int> ReplaceAgreementAsync(string region, string agreementNo, IReadOnlyDictionary<CoverageKey, int> counts,
        CancellationToken cancellationToken = default)
    {
        var fresh = counts.Select(pair => new CoverageEntity
        {
            PartitionKey = region,
            RowKey = CoverageEntity.RowKeyOf(agreementNo, pair.Key.Segment, pair.Key.Occupation, pair.Key.Start, pair.Key.End),
            AgreementNo = agreementNo,
            Segment = pair.Key.Segment,
            Occupation = pair.Key.Occupation,
            CoverageStart = pair.Key.Start,
            CoverageEnd = pair.Key.End,
            Participants = pair.Value,
        }).ToList();

        var table = await _table.GetAsync(cancellationToken);
        var keep = fresh.Select(entity => entity.RowKey).ToHashSet(StringComparer.Ordinal);
        var prefix = CoverageEntity.AgreementPrefix(agreementNo);
        await foreach (var stale in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {region} and RowKey ge {prefix} and RowKey lt {TableKeys.PrefixEnd(prefix)}"),
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(stale.RowKey))
            {
                await table.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, cancellationToken: cancellationToken);
            }
        }
        await TableBatches.UpsertAsync(table, fresh, cancellationToken);
        return fresh.Sum(entity => entity.Participants);
    }

    /// <summary>One region's coverage counts, or every region's when <paramref name="region"/> is null (a few hundred per region).</summary>
    public async Task<IReadOnlyList<CoverageEntity>> ListAsync(string? region, CancellationToken cancellationToken = default) =>
        await _table.ListAsync(region, entity => new CoverageEntity(entity), cancellationToken);
}
