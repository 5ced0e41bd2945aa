using Azure;
using Azure.Data.Tables;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Agreements;

/// <summary>
/// Table <c>agreements</c>: PartitionKey the region, RowKey the agreement number's key (spacing and capitals
/// folded, escaped), so an enrolment naming "pks / 045" finds "PKS/045" and one region's agreements are one query.
/// Amounts are whole rupiah as numbers (Table Storage has no decimal).
/// </summary>
public sealed class AgreementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AgreementNo { get; set; } = "";

    public string Type { get; set; } = "";

    public string? RegionName { get; set; }

    public string? BranchOffice { get; set; }

    public string? SignedOn { get; set; }

    public string? CoverageStart { get; set; }

    public string? CoverageEnd { get; set; }

    public string? FundingSource { get; set; }

    public double? BudgetIdr { get; set; }

    public int? TargetParticipants { get; set; }

    public int? TargetNonAsn { get; set; }

    public int? TargetVulnerable { get; set; }

    public string Programs { get; set; } = "";

    public double? MonthlyContributionIdr { get; set; }

    public double? ContributionNonAsnIdr { get; set; }

    public double? ContributionVulnerableIdr { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>The upload (and its row) the agreement was last written from.</summary>
    public string UploadId { get; set; } = "";

    public int SourceRow { get; set; }

    public static string RowKeyOf(string agreementNo) => TableKeys.Escape(AgreementNumber.Key(agreementNo));

    public static AgreementEntity From(Agreement agreement, string uploadId, int sourceRow) => new()
    {
        PartitionKey = agreement.Region,
        RowKey = RowKeyOf(agreement.AgreementNo),
        AgreementNo = agreement.AgreementNo,
        Type = agreement.Type.ToString(),
        RegionName = agreement.RegionName,
        BranchOffice = agreement.BranchOffice,
        SignedOn = IsoDate.Format(agreement.SignedOn),
        CoverageStart = IsoDate.Format(agreement.CoverageStart),
        CoverageEnd = IsoDate.Format(agreement.CoverageEnd),
        FundingSource = agreement.FundingSource,
        BudgetIdr = (double?)agreement.BudgetIdr,
        TargetParticipants = agreement.TargetParticipants,
        TargetNonAsn = agreement.TargetNonAsn,
        TargetVulnerable = agreement.TargetVulnerable,
        Programs = ProgramSet.Format(agreement.Programs),
        MonthlyContributionIdr = (double?)agreement.MonthlyContributionIdr,
        ContributionNonAsnIdr = (double?)agreement.ContributionNonAsnIdr,
        ContributionVulnerableIdr = (double?)agreement.ContributionVulnerableIdr,
        LegalBasis = agreement.LegalBasis,
        UploadId = uploadId,
        SourceRow = sourceRow,
    };

    public Agreement ToAgreement() => new()
    {
        AgreementNo = AgreementNo,
        Region = PartitionKey,
        Type = Enum.Parse<AgreementType>(Type),
        RegionName = RegionName,
        BranchOffice = BranchOffice,
        SignedOn = IsoDate.Parse(SignedOn),
        CoverageStart = IsoDate.Parse(CoverageStart),
        CoverageEnd = IsoDate.Parse(CoverageEnd),
        FundingSource = FundingSource,
        BudgetIdr = (decimal?)BudgetIdr,
        TargetParticipants = TargetParticipants,
        TargetNonAsn = TargetNonAsn,
        TargetVulnerable = TargetVulnerable,
        Programs = ProgramSet.Parse(Programs).Value,
        MonthlyContributionIdr = (decimal?)MonthlyContributionIdr,
        ContributionNonAsnIdr = (decimal?)ContributionNonAsnIdr,
        ContributionVulnerableIdr = (decimal?)ContributionVulnerableIdr,
        LegalBasis = LegalBasis,
    };
}
