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
public sealed class AgreementEntity(TableEntity entity) : TableRecord(entity)
{
    public AgreementEntity() : this(new TableEntity())
    {
    }

    public string AgreementNo { get => Text(); set => Set(value); }

    public string Type { get => Text(); set => Set(value); }

    public string? RegionName { get => TextOrNull(); set => Set(value); }

    public string? BranchOffice { get => TextOrNull(); set => Set(value); }

    public string? SignedOn { get => TextOrNull(); set => Set(value); }

    public string? CoverageStart { get => TextOrNull(); set => Set(value); }

    public string? CoverageEnd { get => TextOrNull(); set => Set(value); }

    public string? FundingSource { get => TextOrNull(); set => Set(value); }

    public double? BudgetIdr { get => DoubleOrNull(); set => Set(value); }

    public int? TargetParticipants { get => Int32OrNull(); set => Set(value); }

    public int? TargetNonAsn { get => Int32OrNull(); set => Set(value); }

    public int? TargetVulnerable { get => Int32OrNull(); set => Set(value); }

    public string Programs { get => Text(); set => Set(value); }

    public double? MonthlyContributionIdr { get => DoubleOrNull(); set => Set(value); }

    public double? ContributionNonAsnIdr { get => DoubleOrNull(); set => Set(value); }

    public double? ContributionVulnerableIdr { get => DoubleOrNull(); set => Set(value); }

    public string? LegalBasis { get => TextOrNull(); set => Set(value); }

    /// <summary>The upload (and its row) the agreement was last written from.</summary>
    public string UploadId { get => Text(); set => Set(value); }

    public int SourceRow { get => Int32(); set => Set(value); }

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
