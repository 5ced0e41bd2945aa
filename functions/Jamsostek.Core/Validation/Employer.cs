namespace Jamsostek.Core.Validation;

/// <summary>A validated employer row of a compliance snapshot: what a registered employer owes on the snapshot date.</summary>
public sealed record Employer
{
    /// <summary>The 8-digit registration number, digits only.</summary>
    public required string Npp { get; init; }

    public required string CompanyName { get; init; }

    public required string Region { get; init; }

    /// <summary>The date the sheet describes ("Tanggal Data"), or the upload's date.</summary>
    public required DateOnly SnapshotDate { get; init; }

    public string? Sector { get; init; }

    public string? District { get; init; }

    public int? RegisteredWorkers { get; init; }

    public int? ReportedWorkers { get; init; }

    public int? ArrearsMonths { get; init; }

    public decimal? ArrearsIdr { get; init; }

    public DateOnly? LastPaidOn { get; init; }

    /// <summary>One of <see cref="Values.FollowupStatus.All"/>, or null when the sheet says nothing.</summary>
    public string? FollowupStatus { get; init; }

    public DateOnly? FollowupOn { get; init; }

    public string? Note { get; init; }

    /// <summary>Owes something on the snapshot date: months in arrears or an amount.</summary>
    public bool InArrears => ArrearsMonths > 0 || ArrearsIdr > 0;
}
