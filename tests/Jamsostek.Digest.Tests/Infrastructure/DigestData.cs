using Jamsostek.Core.Regions;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;
using Jamsostek.TestData;

namespace Jamsostek.Digest.Tests.Infrastructure;

/// <summary>
/// What the digest tests count on, made relative to today so the numbers hold whatever day the tests run:
/// Sumba Barat Daya (5318, WITA) with a PKS for 5,600 vulnerable workers that ends in 36 days, 120 workers enrolled
/// and 3 rows rejected (NIK_FORMAT, DATE_FORMAT, OCCUPATION_UNKNOWN); Seram Bagian Timur (8105, WIT) with a PKS for
/// 200 that runs most of a year, 80 workers enrolled.
/// </summary>
public sealed record DigestData(RegionData SumbaBaratDaya, RegionData SeramBagianTimur)
{
    public const int LapsesInDays = 36;

    public static async Task<DigestData> IngestAsync(DigestSystem system)
    {
        var sbd = Region("5318", "PKS/901/BPJSTK-TBK/DIGEST", -60, LapsesInDays, target: 5600, budget: "Rp 282.240.000", workers: 120, seed: 11,
            faulty: true);
        var sbt = Region("8105", "PKS/902/BPJSTK-AMB/DIGEST", -100, 265, target: 200, budget: null, workers: 80, seed: 12, faulty: false);
        foreach (var region in new[] { sbd, sbt })
        {
            await system.UploadAsync(region.Region, "perjanjian-digest.xlsx", region.AgreementsXlsx);
        }
        foreach (var region in new[] { sbd, sbt })
        {
            var upload = await system.UploadsApi.WaitForFinalAsync(region.Region, "perjanjian-digest.xlsx");
            Assert.Equal("completed", upload.Status);
        }
        foreach (var region in new[] { sbd, sbt })
        {
            await system.UploadAsync(region.Region, "peserta-digest.xlsx", region.EnrolmentsXlsx);
        }
        foreach (var region in new[] { sbd, sbt })
        {
            var upload = await system.UploadsApi.WaitForFinalAsync(region.Region, "peserta-digest.xlsx");
            Assert.Equal(region.Rejected, upload.Rows.Rejected);
            Assert.Equal(region.Workers, upload.Rows.Accepted);
        }
        return new DigestData(sbd, sbt);
    }

    private static RegionData Region(string region, string agreementNo, int startDays, int endDays, int target, string? budget, int workers, int seed,
        bool faulty)
    {
        var today = RegionTimeZone.Today(RegionCode.Parse(region), DateTimeOffset.UtcNow);
        var start = today.AddDays(startDays);
        var end = today.AddDays(endDays);
        var agreements = SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(
        [
            AgreementSheet.Row(agreementNo, "PKS", region, signedOn: start.AddDays(-7), coverageStart: start, coverageEnd: end, budget: budget,
                targetParticipants: (double)target, targetVulnerable: (double)target, monthlyContribution: "16.800", legalBasis: "Perbup No. 41 Tahun 2026"),
        ]));
        var rows = EnrolmentSheet.Rows(workers + (faulty ? 3 : 0), region, agreementNo, start, end, seed).ToList();
        if (faulty)
        {
            rows[workers][EnrolmentSheet.Columns.Nik] = ((string)rows[workers][EnrolmentSheet.Columns.Nik]!)[..15];
            rows[workers + 1][EnrolmentSheet.Columns.BirthDate] = "31/02/1990";
            rows[workers + 2][EnrolmentSheet.Columns.Occupation] = "Petanii";
        }
        var valid = rows.Take(workers).ToList();
        var segments = valid
            .Select(row => Occupation.DefaultSegment(Occupation.Parse(row[EnrolmentSheet.Columns.Occupation]).Value!))
            .GroupBy(segment => segment)
            .ToDictionary(g => g.Key, g => g.Count());
        var enrolments = SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", EnrolmentSheet.WithHeader(rows)));
        return new RegionData(region, agreementNo, today, start, end, target, budget is null ? null : 282_240_000m, workers, faulty ? 3 : 0, segments,
            agreements, enrolments);
    }
}

/// <param name="Today">The region's date when the data was made (the tests assume they finish the same day).</param>
/// <param name="Segments">Workers per segment, as the validation derives it from each row's occupation.</param>
public sealed record RegionData(string Region, string AgreementNo, DateOnly Today, DateOnly Start, DateOnly End, int Target, decimal? Budget, int Workers,
    int Rejected, IReadOnlyDictionary<string, int> Segments, byte[] AgreementsXlsx, byte[] EnrolmentsXlsx)
{
    /// <summary>Each worker's whole months of cover at Rp 16.800.</summary>
    public decimal EnrolledCost => Workers * BudgetCheck.WholeMonths(Start, End) * 16_800m;
}
