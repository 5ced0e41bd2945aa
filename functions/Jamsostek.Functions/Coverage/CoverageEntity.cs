using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Coverage;

/// <summary>
/// Table <c>coverage</c>: how many workers one agreement covers for one segment, occupation and period.
/// PartitionKey the region, RowKey <c>{agreement key}|{segment}|{occupation}|{start}|{end}</c>. Workers of one
/// agreement share few periods, so a region has a few hundred of these at most: reports and digests sum the
/// ones whose period holds their date instead of reading every participant.
/// </summary>
public sealed class CoverageEntity(TableEntity entity) : TableRecord(entity)
{
    public const string Unspecified = "-";

    public CoverageEntity() : this(new TableEntity())
    {
        Segment = Unspecified;
        Occupation = Unspecified;
    }

    public string AgreementNo { get => Text(); set => Set(value); }

    public string Segment { get => Text(Unspecified); set => Set(value); }

    public string Occupation { get => Text(Unspecified); set => Set(value); }

    public string CoverageStart { get => Text(); set => Set(value); }

    public string CoverageEnd { get => Text(); set => Set(value); }

    public int Participants { get => Int32(); set => Set(value); }

    public static string AgreementPrefix(string agreementNo) => Agreements.AgreementEntity.RowKeyOf(agreementNo) + TableKeys.Separator;

    public static string RowKeyOf(string agreementNo, string segment, string occupation, string start, string end) =>
        AgreementPrefix(agreementNo) + TableKeys.Join(segment, occupation, start, end);

    public bool IsActiveOn(DateOnly date) => IsoDate.Parse(CoverageStart) <= date && date <= IsoDate.Parse(CoverageEnd);
}
