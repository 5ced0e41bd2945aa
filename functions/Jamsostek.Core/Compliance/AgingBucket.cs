namespace Jamsostek.Core.Compliance;

/// <summary>How long an employer has been in arrears, in the buckets the compliance team reports: 1-3, 4-6, 7-12, over 12 months.</summary>
public enum AgingBucket
{
    /// <summary>Owes an amount, but neither the months nor the last payment say for how long.</summary>
    Unknown,
    UpTo3Months,
    UpTo6Months,
    UpTo12Months,
    Over12Months,
}

public static class AgingBuckets
{
    /// <summary>In report order.</summary>
    public static IReadOnlyList<AgingBucket> All { get; } =
        [AgingBucket.UpTo3Months, AgingBucket.UpTo6Months, AgingBucket.UpTo12Months, AgingBucket.Over12Months, AgingBucket.Unknown];

    public static AgingBucket Of(int? months) => months switch
    {
        null or <= 0 => AgingBucket.Unknown,
        <= 3 => AgingBucket.UpTo3Months,
        <= 6 => AgingBucket.UpTo6Months,
        <= 12 => AgingBucket.UpTo12Months,
        _ => AgingBucket.Over12Months,
    };

    /// <summary>The stable code reports carry ("1-3", "4-6", "7-12", ">12", "unknown").</summary>
    public static string Code(AgingBucket bucket) => bucket switch
    {
        AgingBucket.UpTo3Months => "1-3",
        AgingBucket.UpTo6Months => "4-6",
        AgingBucket.UpTo12Months => "7-12",
        AgingBucket.Over12Months => ">12",
        _ => "unknown",
    };

    public static string Label(AgingBucket bucket, Templates.Language language) => bucket switch
    {
        AgingBucket.UpTo3Months => language == Templates.Language.En ? "1-3 months" : "1-3 bulan",
        AgingBucket.UpTo6Months => language == Templates.Language.En ? "4-6 months" : "4-6 bulan",
        AgingBucket.UpTo12Months => language == Templates.Language.En ? "7-12 months" : "7-12 bulan",
        AgingBucket.Over12Months => language == Templates.Language.En ? "over 12 months" : "lebih dari 12 bulan",
        _ => language == Templates.Language.En ? "duration unknown" : "lama tidak diketahui",
    };
}
