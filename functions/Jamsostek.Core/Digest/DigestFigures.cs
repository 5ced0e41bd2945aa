using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Digest;

/// <summary>Who gets a region's digest: a Bupati, a Kadisnaker, a branch head. <see cref="Id"/> is what logs and the ledger name.</summary>
public sealed record DigestRecipient(string Id, string Region, string Name, string? Role, string Email, Language Language);

/// <summary>
/// The numbers one region's digest reports, read from the coverage counts, agreements and upload records. Pure data:
/// <see cref="DigestComposer"/> turns them into the email's text, HTML and tables.
/// </summary>
public sealed record DigestFigures
{
    public required string Region { get; init; }

    /// <summary>"Kabupaten Sumba Barat Daya" as the agreements name it; null when no agreement names it.</summary>
    public string? RegionName { get; init; }

    /// <summary>Today in the region's time zone: the day the counts hold for.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Workers whose cover runs today.</summary>
    public required int Active { get; init; }

    /// <summary>The target of the agreements in force today; null when none gives one.</summary>
    public int? Target { get; init; }

    public IReadOnlyList<SegmentFigure> Segments { get; init; } = [];

    /// <summary>Largest first.</summary>
    public IReadOnlyList<OccupationFigure> Occupations { get; init; } = [];

    /// <summary>Agreements whose cover ends within <see cref="LapsingWithinDays"/>, soonest first.</summary>
    public IReadOnlyList<LapsingAgreement> Lapsing { get; init; } = [];

    public int LapsingWithinDays { get; init; } = 60;

    /// <summary>Uploads received since <see cref="UploadsSince"/> (the previous digest, or a week back for a first one), newest first.</summary>
    public IReadOnlyList<UploadFigure> Uploads { get; init; } = [];

    public DateTimeOffset UploadsSince { get; init; }

    /// <summary>Agreements in force that give a budget.</summary>
    public IReadOnlyList<BudgetFigure> Budgets { get; init; } = [];

    /// <summary>Employer compliance when the region has a snapshot dated on or before <see cref="AsOf"/>; null otherwise (no section then).</summary>
    public ComplianceFigures? Compliance { get; init; }

    public decimal? PercentOfTarget => DigestMath.Percent(Active, Target);

    public DigestSnapshot Snapshot(DigestWeek week) =>
        new(week.ToString(), AsOf, Active, Target, Segments.ToDictionary(s => s.Segment, s => s.Active, StringComparer.Ordinal));
}

public sealed record SegmentFigure(string Segment, int Active, int? Target)
{
    public decimal? PercentOfTarget => DigestMath.Percent(Active, Target);
}

public sealed record OccupationFigure(string Occupation, int Active);

/// <summary>An agreement whose cover ends soon: on each <see cref="Lapses"/> date that many workers lose cover.</summary>
public sealed record LapsingAgreement(string AgreementNo, DateOnly CoverageEnd, int DaysLeft, int ParticipantsActive, int ParticipantsAtRisk,
    IReadOnlyList<LapseFigure> Lapses);

public sealed record LapseFigure(DateOnly Date, int DaysLeft, int Participants);

/// <summary>An upload record as the digest reports it; <see cref="TopErrors"/> is the record's "CODE:n,..." read into pairs.</summary>
public sealed record UploadFigure(string FileName, SheetKind? Kind, string Status, DateTimeOffset ReceivedAt, int RowsRead, int RowsAccepted, int RowsRejected,
    IReadOnlyList<(string Code, int Count)> TopErrors)
{
    /// <summary>"NIK_FORMAT:3,DATE_FORMAT:1" into pairs; malformed parts are left out.</summary>
    public static IReadOnlyList<(string Code, int Count)> ParseTopErrors(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split(':'))
                .Where(pair => pair.Length == 2 && int.TryParse(pair[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                .Select(pair => (pair[0], int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture)))];
}

/// <summary>
/// An agreement's budget against what its target costs (<see cref="Validation.BudgetCheck"/>) and what the workers
/// enrolled so far commit (their months of cover at the agreement's rates).
/// </summary>
public sealed record BudgetFigure(string AgreementNo, decimal Budget, decimal? TargetCost, decimal? EnrolledCost)
{
    public decimal? TargetCostPercent => TargetCost is { } cost && Budget > 0 ? Math.Round(100m * cost / Budget, 1) : null;

    public decimal? EnrolledCostPercent => EnrolledCost is { } cost && Budget > 0 ? Math.Round(100m * cost / Budget, 1) : null;
}

/// <summary>What the previous digest said, kept in the ledger, so the next one can say what changed.</summary>
public sealed record DigestSnapshot(string Week, DateOnly AsOf, int Active, int? Target, IReadOnlyDictionary<string, int> Segments);

internal static class DigestMath
{
    public static decimal? Percent(int active, int? target) => target is > 0 ? Math.Round(100m * active / target.Value, 1) : null;
}
