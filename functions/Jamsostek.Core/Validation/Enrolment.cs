using Jamsostek.Core.Values;

namespace Jamsostek.Core.Validation;

/// <summary>A validated enrolment: one worker covered under one agreement for one period.</summary>
public sealed record Enrolment
{
    public required string Nik { get; init; }

    public required string FullName { get; init; }

    public string? BirthPlace { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>"L" or "P": from the gender column, else from the NIK.</summary>
    public required string Gender { get; init; }

    public string? Address { get; init; }

    public string? Village { get; init; }

    public string? District { get; init; }

    /// <summary>E.164 ("+6281234567890"), or null when absent or unreadable.</summary>
    public string? Phone { get; init; }

    public string? Occupation { get; init; }

    /// <summary>pekerja_rentan, non_asn, perangkat_desa; null when neither segment nor occupation says.</summary>
    public string? Segment { get; init; }

    public required string Region { get; init; }

    public required string AgreementNo { get; init; }

    public required DateOnly CoverageStart { get; init; }

    public required DateOnly CoverageEnd { get; init; }

    public decimal? MonthlyIncomeIdr { get; init; }

    public Programs Programs { get; init; }

    public string? Kpj { get; init; }

    public string AgreementKey => AgreementNumber.Key(AgreementNo);
}

/// <summary>An enrolment already stored for a NIK, for the overlapping-coverage check.</summary>
public sealed record CoverageRecord(string Nik, string Region, string AgreementNo, DateOnly CoverageStart, DateOnly CoverageEnd)
{
    public bool Overlaps(DateOnly start, DateOnly end) => start <= CoverageEnd && CoverageStart <= end;

    /// <summary>The same agreement of the same region: a re-upload updates the worker, it does not duplicate them.</summary>
    public bool IsSameAgreement(string region, string agreementNo) =>
        Region == region && AgreementNumber.Key(AgreementNo) == AgreementNumber.Key(agreementNo);
}

/// <summary>What validation made of one row: the accepted value (null when an error rejects it) and every finding.</summary>
public sealed record RowOutcome<T>(int RowNumber, T? Accepted, IReadOnlyList<Findings.Finding> Findings) where T : class
{
    public bool IsAccepted => Accepted is not null;
}
