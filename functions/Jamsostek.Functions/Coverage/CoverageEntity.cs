using Azure;
using Azure.Data.Tables;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Coverage;

/// <summary>
/// Table <c>coverage</c>: how many workers one agreement covers for one segment, occupation and period.
/// PartitionKey the region, RowKey <c>{agreement key}|{segment}|{occupation}|{start}|{end}</c>. Workers of one
/// agreement share few periods, so a region has a few hundred of these at most: reports and digests sum the
/// ones whose period holds their date instead of reading every participant.
/// </summary>
public sealed class CoverageEntity : ITableEntity
{
    public const string Unspecified = "-";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AgreementNo { get; set; } = "";

    public string Segment { get; set; } = Unspecified;

    public string Occupation { get; set; } = Unspecified;

    public string CoverageStart { get; set; } = "";

    public string CoverageEnd { get; set; } = "";

    public int Participants { get; set; }

    public static string AgreementPrefix(string agreementNo) => Agreements.AgreementEntity.RowKeyOf(agreementNo) + TableKeys.Separator;

    public static string RowKeyOf(string agreementNo, string segment, string occupation, string start, string end) =>
        AgreementPrefix(agreementNo) + TableKeys.Join(segment, occupation, start, end);

    public bool IsActiveOn(DateOnly date) => IsoDate.Parse(CoverageStart) <= date && date <= IsoDate.Parse(CoverageEnd);
}
