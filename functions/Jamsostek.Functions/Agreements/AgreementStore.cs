using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Agreements;

/// <summary>The agreements table (see <see cref="AgreementEntity"/> for its keys).</summary>
public sealed class AgreementStore(TableServiceClient tables)
{
    public const string TableName = "agreements";

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>One region's agreements, or every region's when <paramref name="region"/> is null.</summary>
    public async Task<IReadOnlyList<AgreementEntity>> ListAsync(string? region, CancellationToken cancellationToken = default) =>
        await _table.ListAsync(region, entity => new AgreementEntity(entity), cancellationToken);

    public async Task<AgreementEntity?> FindAsync(string region, string agreementNo, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(region, AgreementEntity.RowKeyOf(agreementNo), cancellationToken: cancellationToken);
        return response.HasValue ? new AgreementEntity(response.Value!) : null;
    }

    public async Task UpsertAsync(IEnumerable<AgreementEntity> agreements, CancellationToken cancellationToken = default) =>
        await TableBatches.UpsertAsync(await _table.GetAsync(cancellationToken), agreements, cancellationToken);
}
