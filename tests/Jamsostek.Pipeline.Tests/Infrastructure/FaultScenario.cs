using Jamsostek.TestData;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// One upload's world: a region, an agreement (number, whole-year period) and its workers, of whom every 50th
/// carries a fault a row check rejects (a 15-digit NIK, a date that does not exist, an unknown occupation).
/// </summary>
internal sealed record FaultScenario(string Region, string AgreementNo, int Year, int Target = 100_000)
{
    public const int FaultEvery = 50;

    public DateOnly Start => new(Year, 1, 1);

    public DateOnly End => new(Year, 12, 31);

    /// <summary>The agreement's key: spaces dropped, capitals, '/' escaped.</summary>
    public string AgreementKey => AgreementNo.ToUpperInvariant().Replace(" ", "").Replace("/", "%2F");

    /// <summary>Added to each NIK's kecamatan digits (5-6), so uploads of one region can keep to NIK index partitions of their own.</summary>
    public int DistrictOffset { get; init; }

    public byte[] AgreementXlsx() => SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(
    [
        AgreementSheet.Row(AgreementNo, "PKS", Region, signedOn: Start.AddDays(-10), coverageStart: Start, coverageEnd: End,
            budget: "Rp 200.000.000.000", targetParticipants: (double)Target, monthlyContribution: "16.800", legalBasis: "Perbup No. 8 Tahun 2026"),
    ]));

    /// <summary>Enrolment rows (no header); every 50th faulty when <paramref name="faults"/>.</summary>
    public List<object?[]> Workers(int count, int seed = 1, bool faults = true)
    {
        var rows = EnrolmentSheet.Rows(count, Region, AgreementNo, Start, End, seed).ToList();
        foreach (var row in rows.Where(_ => DistrictOffset != 0))
        {
            var nik = (string)row[EnrolmentSheet.Columns.Nik]!;
            row[EnrolmentSheet.Columns.Nik] = $"{nik[..4]}{int.Parse(nik[4..6]) + DistrictOffset:00}{nik[6..]}";
        }
        for (var i = FaultEvery / 2; faults && i < rows.Count; i += FaultEvery)
        {
            switch (i / FaultEvery % 3)
            {
                case 0:
                    rows[i][EnrolmentSheet.Columns.Nik] = ((string)rows[i][EnrolmentSheet.Columns.Nik]!)[..15];
                    break;
                case 1:
                    rows[i][EnrolmentSheet.Columns.BirthDate] = "31/02/1990";
                    break;
                default:
                    rows[i][EnrolmentSheet.Columns.Occupation] = "Astronot";
                    break;
            }
        }
        return rows;
    }

    public static int Faulty(int count) => count <= FaultEvery / 2 ? 0 : (count - FaultEvery / 2 - 1) / FaultEvery + 1;

    public static byte[] Csv(IEnumerable<object?[]> rows) => SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(rows));

    public static byte[] Xlsx(IEnumerable<object?[]> rows) =>
        SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", EnrolmentSheet.WithHeader(rows)));
}
