using Jamsostek.Core.Values;

namespace Jamsostek.Core.Validation;

/// <summary>A validated agreement (MoU or PKS) of one region.</summary>
public sealed record Agreement
{
    public required string AgreementNo { get; init; }

    public required string Region { get; init; }

    public required AgreementType Type { get; init; }

    public string? RegionName { get; init; }

    public string? BranchOffice { get; init; }

    public DateOnly? SignedOn { get; init; }

    public DateOnly? CoverageStart { get; init; }

    public DateOnly? CoverageEnd { get; init; }

    public string? FundingSource { get; init; }

    public decimal? BudgetIdr { get; init; }

    public int? TargetParticipants { get; init; }

    public int? TargetNonAsn { get; init; }

    public int? TargetVulnerable { get; init; }

    public Programs Programs { get; init; }

    public decimal? MonthlyContributionIdr { get; init; }

    public decimal? ContributionNonAsnIdr { get; init; }

    public decimal? ContributionVulnerableIdr { get; init; }

    public string? LegalBasis { get; init; }

    /// <summary>How enrolments name it, whatever spacing or capitals they use.</summary>
    public string Key => AgreementNumber.Key(AgreementNo);

    /// <summary>The target head count: the sheet's total, or the segments' sum when only those are given.</summary>
    public int? Target => TargetParticipants ?? (TargetNonAsn is null && TargetVulnerable is null ? null : (TargetNonAsn ?? 0) + (TargetVulnerable ?? 0));

    public bool HasPeriod => CoverageStart is not null && CoverageEnd is not null;

    public bool Covers(DateOnly start, DateOnly end) => HasPeriod && start >= CoverageStart && end <= CoverageEnd;
}
