using Jamsostek.TestData;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The benchmark's sheets: one agreement per run (its own region and number, so runs never share a NIK index
/// partition), and enrolment rows with valid, realistic NIKs of which every 50th (2%) carries a fault a row
/// check rejects.
/// </summary>
public sealed record BenchSheets(string Region, string AgreementNo, int Year)
{
    public const int FaultEvery = 50;

    public DateOnly Start => new(Year, 1, 1);

    public DateOnly End => new(Year, 12, 31);

    /// <summary>The participants partition of the agreement (region | key without spaces, upper case, '/' escaped).</summary>
    public string ParticipantsPartition => $"{Region}|{AgreementNo.ToUpperInvariant().Replace(" ", "").Replace("/", "%2F")}";

    public byte[] AgreementXlsx(int target) => SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(
    [
        AgreementSheet.Row(AgreementNo, "PKS", Region, signedOn: Start.AddDays(-10), coverageStart: Start, coverageEnd: End,
            budget: "Rp 200.000.000.000", targetParticipants: (double)target, monthlyContribution: "16.800", legalBasis: "Perbup No. 8 Tahun 2026"),
    ]));

    /// <summary><paramref name="count"/> data rows, 2% of them faulty (NIK 15 digits, a date that does not exist, an unknown occupation, a gender the NIK contradicts, a blank name).</summary>
    public List<object?[]> Rows(int count, int seed = 1)
    {
        var rows = EnrolmentSheet.Rows(count, Region, AgreementNo, Start, End, seed).ToList();
        for (var i = FaultEvery / 2; i < rows.Count; i += FaultEvery)
        {
            var row = rows[i];
            switch (i / FaultEvery % 5)
            {
                case 0:
                    row[EnrolmentSheet.Columns.Nik] = ((string)row[EnrolmentSheet.Columns.Nik]!)[..15];
                    break;
                case 1:
                    row[EnrolmentSheet.Columns.BirthDate] = "31/02/1990";
                    break;
                case 2:
                    row[EnrolmentSheet.Columns.Occupation] = "Astronot";
                    break;
                case 3:
                    row[EnrolmentSheet.Columns.Gender] = (string)row[EnrolmentSheet.Columns.Gender]! == "L" ? "P" : "L";
                    break;
                default:
                    row[EnrolmentSheet.Columns.FullName] = null;
                    break;
            }
        }
        return rows;
    }

    public static int FaultyRows(int count) => count <= FaultEvery / 2 ? 0 : (count - FaultEvery / 2 - 1) / FaultEvery + 1;

    public static byte[] Xlsx(IEnumerable<object?[]> rows) =>
        SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", EnrolmentSheet.WithHeader(rows)));

    public static byte[] Csv(IEnumerable<object?[]> rows) => SpreadsheetWriter.CsvBytes(EnrolmentSheet.WithHeader(rows));
}
