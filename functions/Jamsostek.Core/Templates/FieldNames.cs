namespace Jamsostek.Core.Templates;

/// <summary>The canonical field names of the contract (section 2), as used in findings and storage.</summary>
public static class FieldNames
{
    // Both templates.
    public const string AgreementNo = "agreement_no";
    public const string CoverageStart = "coverage_start";
    public const string CoverageEnd = "coverage_end";
    public const string Programs = "programs";

    // Agreements.
    public const string AgreementType = "agreement_type";
    public const string RegionCode = "region_code";
    public const string RegionName = "region_name";
    public const string BranchOffice = "branch_office";
    public const string SignedOn = "signed_on";
    public const string FundingSource = "funding_source";
    public const string BudgetIdr = "budget_idr";
    public const string TargetParticipants = "target_participants";
    public const string TargetNonAsn = "target_non_asn";
    public const string TargetVulnerable = "target_vulnerable";
    public const string MonthlyContributionIdr = "monthly_contribution_idr";

    /// <summary>The non-ASN segment's own monthly rate, when the sheet gives one (budget check).</summary>
    public const string ContributionNonAsnIdr = "monthly_contribution_non_asn_idr";

    /// <summary>The vulnerable workers' own monthly rate, when the sheet gives one (budget check).</summary>
    public const string ContributionVulnerableIdr = "monthly_contribution_vulnerable_idr";
    public const string LegalBasis = "legal_basis";

    // Enrolments.
    public const string Nik = "nik";
    public const string FullName = "full_name";
    public const string BirthPlace = "birth_place";
    public const string BirthDate = "birth_date";

    /// <summary>
    /// A combined "Tempat/Tgl Lahir" (TTL) column, e.g. "Sumbawa, 12-03-1990". It stands in for
    /// <see cref="BirthDate"/> in the header check; validation splits it into birth place and birth date.
    /// </summary>
    public const string BirthPlaceDate = "birth_place_date";

    public const string Gender = "gender";
    public const string Address = "address";
    public const string Village = "village";
    public const string District = "district";
    public const string Phone = "phone";
    public const string Occupation = "occupation";
    public const string Segment = "segment";
    public const string MonthlyIncomeIdr = "monthly_income_idr";
    public const string Kpj = "kpj";

    // Employer compliance (District is shared with enrolments).
    public const string Npp = "npp";
    public const string CompanyName = "company_name";
    public const string Sector = "sector";
    public const string RegisteredWorkers = "registered_workers";
    public const string ReportedWorkers = "reported_workers";
    public const string ArrearsMonths = "arrears_months";
    public const string ArrearsIdr = "arrears_idr";
    public const string LastPaidOn = "last_paid_on";
    public const string FollowupStatus = "followup_status";
    public const string FollowupOn = "followup_on";
    public const string Note = "note";
}
