using Jamsostek.TestData;

namespace Jamsostek.Samples;

/// <summary>The PKS an enrolment names and whose period its rows are covered for.</summary>
public sealed record SampleAgreement(string Number, Regency Regency, DateOnly Start, DateOnly End);

/// <summary>
/// The agreements of the samples, dated around the project's "today" (25 November 2026): Sumbawa and Nagekeo
/// run well past it, Sumba Barat Daya's three-month PKS lapses on 31 December 2026, within the digest's 60 days.
/// </summary>
public static class SampleAgreements
{
    public static SampleAgreement Sumbawa { get; } =
        new("PKS/045/BPJSTK-SBW/III/2026", Regencies.Sumbawa, new(2026, 3, 1), new(2027, 2, 28));

    /// <summary>Mirrors the real PKS of 1 October - 31 December 2025: 5,600 workers for three months.</summary>
    public static SampleAgreement SumbaBaratDaya { get; } =
        new("PKS/112/BPJSTK-TBK/IX/2026", Regencies.SumbaBaratDaya, new(2026, 10, 1), new(2026, 12, 31));

    /// <summary>Rp 1.5 billion for 9,345 workers (6,311 non-ASN and 3,034 vulnerable) for twelve months.</summary>
    public static SampleAgreement Nagekeo { get; } =
        new("PKS/021/BPJSTK-END/III/2026", Regencies.Nagekeo, new(2026, 4, 1), new(2027, 3, 31));

    public static IReadOnlyList<SampleAgreement> All { get; } = [Sumbawa, SumbaBaratDaya, Nagekeo];

    /// <summary>
    /// The region's sample PKS; for a region without samples, a calendar-year PKS numbered like the others, so a
    /// synthetic sheet for any region names an agreement and a period.
    /// </summary>
    public static SampleAgreement For(string regionCode)
    {
        var regency = Regencies.Get(regionCode);
        return All.FirstOrDefault(a => a.Regency.Code == regency.Code)
            ?? new SampleAgreement($"PKS/001/BPJSTK-{regency.Code}/I/2026", regency, new(2026, 1, 1), new(2026, 12, 31));
    }
}
