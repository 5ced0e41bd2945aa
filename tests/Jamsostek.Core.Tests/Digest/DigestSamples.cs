using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;

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
            new UploadFigure("peserta-sumba-barat-daya-okt-des-2026.csv", "enrolments", "completed_with_errors",
                new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), 240, 235, 5,
                UploadFigure.ParseTopErrors("NIK_PRECISION_LOST:1,NIK_FORMAT:1,DATE_FORMAT:1")),
        ],
        Budgets = [new BudgetFigure("PKS/112/BPJSTK-TBK/IX/2026", 282_240_000m, 282_240_000m, 11_844_000m)],
    };

    public static DigestSnapshot LastWeek() =>
        new("2026-W47", new DateOnly(2026, 11, 18), 200, 5600, new Dictionary<string, int> { ["pekerja_rentan"] = 200 });
}
