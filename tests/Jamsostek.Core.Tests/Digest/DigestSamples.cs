using Jamsostek.Core.Compliance;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Uploads;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Tests.Digest;

/// <summary>Figures like Sumba Barat Daya's on 25 November 2026: one PKS for 5,600 vulnerable workers ending on 31 December.</summary>
internal static class DigestSamples
{
    public static readonly DigestWeek Week = new(2026, 48);

    public static DigestRecipient Kadisnaker(Language language = Language.Id) =>
        new("5318-kadisnaker", "5318", "Yohanes Bili Kaka", "Kepala Dinas Tenaga Kerja", "kadisnaker@sbd.example.go.id", language);

    public static DigestFigures SumbaBaratDaya() => new()
    {
        Region = "5318",
        RegionName = "Kabupaten Sumba Barat Daya",
        AsOf = new DateOnly(2026, 11, 25),
        Active = 235,
        Target = 5600,
        Segments = [new SegmentFigure("pekerja_rentan", 235, 5600)],
        Occupations =
        [
            new OccupationFigure("petani", 90), new OccupationFigure("nelayan", 40), new OccupationFigure("ojek", 30),
            new OccupationFigure("buruh_harian_lepas", 25), new OccupationFigure("pedagang", 20), new OccupationFigure("peternak", 10),
            new OccupationFigure("umkm", 8), new OccupationFigure("pekebun", 5), new OccupationFigure("buruh_bangunan", 4),
            new OccupationFigure("lainnya", 3),
        ],
        Lapsing =
        [
            new LapsingAgreement("PKS/112/BPJSTK-TBK/IX/2026", new DateOnly(2026, 12, 31), 36, 235, 235,
                [new LapseFigure(new DateOnly(2026, 12, 31), 36, 235)]),
        ],
        UploadsSince = new DateTimeOffset(2026, 11, 18, 7, 0, 0, TimeSpan.FromHours(8)),
        Uploads =
        [
            new UploadFigure("peserta-sumba-barat-daya-okt-des-2026.csv", SheetKind.Enrolments, UploadStatus.CompletedWithErrors,
                new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), 240, 235, 5,
                UploadFigure.ParseTopErrors("NIK_PRECISION_LOST:1,NIK_FORMAT:1,DATE_FORMAT:1")),
        ],
        Budgets = [new BudgetFigure("PKS/112/BPJSTK-TBK/IX/2026", 282_240_000m, 282_240_000m, 11_844_000m)],
    };

    public static DigestSnapshot LastWeek() =>
        new("2026-W47", new DateOnly(2026, 11, 18), 200, 5600, new Dictionary<string, int> { ["pekerja_rentan"] = 200 });

    public static readonly DateOnly ComplianceDate = new(2026, 11, 23);

    /// <summary>
    /// Sumba Barat Daya's employers on 23 November 2026: twelve in arrears (Rp 543,5 juta), one paid up. Stuck over 30
    /// days: PT Samudra Bahari Sumba (kejaksaan since 10 August, 105 days), CV Karya Mandiri (teguran 2 since 1 October,
    /// 53 days), CV Bintang Timur (teguran 1 since 20 October, 34 days); PT Sinar Tambolaka pays in instalments and
    /// CV Maju Jaya has stood exactly 30 days, so neither is stuck.
    /// </summary>
    public static IReadOnlyList<Employer> Employers() =>
    [
        Employer("10000008", "CV Abadi Makmur", 20_000_000m, 3, FollowupStatus.NotFollowedUp, null),
        Employer("10000001", "PT Samudra Bahari Sumba", 150_000_000m, 14, FollowupStatus.Prosecutor, new DateOnly(2026, 8, 10)),
        Employer("10000012", "CV Prima Bahari", 5_000_000m, 1, null, null),
        Employer("10000002", "CV Karya Mandiri", 98_500_000m, 9, FollowupStatus.Warning2, new DateOnly(2026, 10, 1)),
        Employer("10000003", "PT Sinar Tambolaka", 75_000_000m, 7, FollowupStatus.Instalments, new DateOnly(2026, 7, 1)),
        Employer("10000004", "CV Maju Jaya", 60_000_000m, 6, FollowupStatus.Warning1, new DateOnly(2026, 10, 24)),
        Employer("10000005", "CV Bintang Timur", 45_000_000m, 5, FollowupStatus.Warning1, new DateOnly(2026, 10, 20)),
        Employer("10000006", "PT Cahaya Lestari", 30_000_000m, 4, FollowupStatus.NotFollowedUp, new DateOnly(2026, 11, 20)),
        Employer("10000007", "CV Mitra Sentosa", 25_000_000m, 3, FollowupStatus.NotFollowedUp, null),
        Employer("10000009", "CV Harapan Prima", 15_000_000m, 2, FollowupStatus.NotFollowedUp, null),
        Employer("10000010", "CV Jaya Abadi", 12_000_000m, 2, FollowupStatus.NotFollowedUp, null),
        Employer("10000011", "CV Lestari Jaya", 8_000_000m, 1, FollowupStatus.NotFollowedUp, null),
        Employer("10000013", "PT Mandiri Sejahtera", 0m, 0, null, null),
    ];

    public static Employer Employer(string npp, string company, decimal arrears, int months, string? step, DateOnly? stepOn, DateOnly? snapshot = null) => new()
    {
        Npp = npp,
        CompanyName = company,
        Region = "5318",
        SnapshotDate = snapshot ?? ComplianceDate,
        ArrearsIdr = arrears,
        ArrearsMonths = months,
        FollowupStatus = step,
        FollowupOn = stepOn,
    };

    /// <summary>
    /// The compliance part of the 25 November digest: the snapshot of 23 November against that of 16 November (ten
    /// employers owing Rp 500 juta), with the snapshots of August to October before them.
    /// </summary>
    public static ComplianceFigures Compliance(ComplianceTotals? weekEarlier = null, IReadOnlyList<Employer>? employers = null)
    {
        weekEarlier ??= new ComplianceTotals(new DateOnly(2026, 11, 16), 10, 500_000_000m);
        var comparison = ComplianceComparison.Compare(employers ?? Employers(), ComplianceDate, previous: null, previousDate: null);
        return ComplianceFigures.From(comparison, weekEarlier,
        [
            new ComplianceTotals(new DateOnly(2026, 8, 31), 7, 310_000_000m),
            new ComplianceTotals(new DateOnly(2026, 9, 30), 8, 402_000_000m),
            new ComplianceTotals(new DateOnly(2026, 10, 31), 9, 455_250_000m),
            weekEarlier,
        ]);
    }

    public static DigestFigures SumbaBaratDayaWithCompliance(ComplianceFigures? compliance = null) =>
        SumbaBaratDaya() with { Compliance = compliance ?? Compliance() };
}
