using Jamsostek.TestData;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>Agreement and enrolment sheets for one test: its own region, agreement number and coverage year.</summary>
internal sealed record Scenario(string Region, string AgreementNo, int Year, int Target = 100)
{
    /// <summary>The agreement's period: the whole <see cref="Year"/> unless set.</summary>
    public (DateOnly Start, DateOnly End)? Period { get; init; }

    public DateOnly Start => Period?.Start ?? new(Year, 1, 1);

    public DateOnly End => Period?.End ?? new(Year, 12, 31);

    /// <summary>The agreement's RowKey: the number with spaces dropped and capitals, '/' escaped.</summary>
    public string AgreementKey => AgreementNo.ToUpperInvariant().Replace(" ", "").Replace("/", "%2F");

    public byte[] AgreementsXlsx() => SpreadsheetWriter.XlsxBytes(AgreementSheet.Sheet(
    [
        AgreementSheet.Row(AgreementNo, "PKS", Region, signedOn: Start.AddDays(-10), coverageStart: Start, coverageEnd: End,
            budget: "Rp 2.000.000.000", targetParticipants: (double)Target, monthlyContribution: "16.800", legalBasis: "Perbup No. 33 Tahun 2024"),
    ]));

    /// <summary>Valid enrolment rows (no header) in <see cref="EnrolmentSheet.Header"/> order.</summary>
    public List<object?[]> Workers(int count, int seed = 1) => [.. EnrolmentSheet.Rows(count, Region, AgreementNo, Start, End, seed)];

    public static byte[] EnrolmentsXlsx(IEnumerable<object?[]> rows) =>
        SpreadsheetWriter.XlsxBytes(new SheetSpec("Daftar Peserta", EnrolmentSheet.WithHeader(rows)));
}
