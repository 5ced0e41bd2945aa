using Jamsostek.TestData;

namespace Jamsostek.Samples;

/// <summary>
/// Every file of samples/: per region an agreements sheet, an enrolment sheet and an employer compliance sheet, one
/// region per format (xlsx, xls, csv). Generated from fixed seeds, so writing them again gives the same content.
/// </summary>
public static class SampleCatalog
{
    public const string Agreements = "agreements";
    public const string Enrolments = "enrolments";
    public const string Compliance = "compliance";

    /// <summary>
    /// The "Tanggal Data" of the compliance samples: the end of the month before the samples' "today" (25 November
    /// 2026), as a branch office draws its list. Safely before any day the start command runs, since a data date
    /// after the upload day rejects the file.
    /// </summary>
    public static DateOnly ComplianceDataDate { get; } = new(2026, 10, 31);

    public static IReadOnlyList<SampleFile> All { get; } =
    [
        SumbawaAgreements(),
        SumbawaEnrolments(),
        SumbawaCompliance(),
        SumbaBaratDayaAgreements(),
        SumbaBaratDayaEnrolments(),
        SumbaBaratDayaCompliance(),
        NagekeoAgreements(),
        NagekeoEnrolments(),
        NagekeoCompliance(),
    ];

    // Agreement sheets: amounts, dates and codes written the ways offices write them; all of it valid.

    private static SampleFile SumbawaAgreements()
    {
        var pks = SampleAgreements.Sumbawa;
        object?[][] rows =
        [
            AgreementSheet.Row("MoU/007/BPJSTK-SBW/I/2026", type: "MoU", regionCode: "5204",
                signedOn: new DateOnly(2026, 1, 20), coverageStart: new DateOnly(2026, 1, 20), coverageEnd: new DateOnly(2028, 12, 31),
                programs: "JKK, JKM", legalBasis: "Perbup No. 33 Tahun 2024"),
            AgreementSheet.Row(pks.Number, type: "PKS", regionCode: "5204",
                signedOn: "24 Februari 2026", coverageStart: pks.Start, coverageEnd: pks.End,
                budget: "Rp 950.000.000", targetParticipants: 4_700, targetNonAsn: 1_200, targetVulnerable: 3_500,
                programs: "JKK, JKM", monthlyContribution: 16_800, legalBasis: "Perbup No. 33 Tahun 2024"),
        ];
        var sheet = AgreementSheet.Sheet(rows, "PKS 2026",
            "DAFTAR PERJANJIAN KERJA SAMA PEMERINTAH KABUPATEN SUMBAWA DAN BPJS KETENAGAKERJAAN CABANG SUMBAWA",
            "TAHUN ANGGARAN 2026");
        return new SampleFile(pks.Regency.Code, "perjanjian-sumbawa-2026.xlsx", Agreements, rows.Length, [], [],
            stream => SpreadsheetWriter.WriteXlsx(stream, [sheet]));
    }

    private static SampleFile SumbaBaratDayaAgreements()
    {
        var pks = SampleAgreements.SumbaBaratDaya;
        object?[][] rows =
        [
            // Last year's PKS, the real one this sample mirrors: lapsed on 31 December 2025.
            AgreementSheet.Row("PKS/087/BPJSTK-TBK/IX/2025", type: "PKS", regionCode: "5318",
                signedOn: new DateOnly(2025, 9, 26), coverageStart: new DateOnly(2025, 10, 1), coverageEnd: new DateOnly(2025, 12, 31),
                budget: 282_240_000L, targetParticipants: 5_600, targetVulnerable: 5_600,
                programs: "JKK, JKM", monthlyContribution: 16_800, legalBasis: "Perbup No. 27 Tahun 2025"),
            AgreementSheet.Row(pks.Number, type: "PKS", regionCode: "5318",
                signedOn: "25/09/2026", coverageStart: "01/10/2026", coverageEnd: "31/12/2026",
                budget: "Rp 282.240.000", targetParticipants: 5_600, targetVulnerable: 5_600,
                programs: "JKK, JKM", monthlyContribution: "16.800", legalBasis: "Perbup No. 41 Tahun 2026"),
        ];
        var sheet = AgreementSheet.Sheet(rows, "Perjanjian");
        return new SampleFile(pks.Regency.Code, "perjanjian-sumba-barat-daya-2026.xlsx", Agreements, rows.Length, [], [],
            stream => SpreadsheetWriter.WriteXlsx(stream, [sheet]));
    }

    private static SampleFile NagekeoAgreements()
    {
        var pks = SampleAgreements.Nagekeo;
        object?[][] rows =
        [
            AgreementSheet.Row(pks.Number, type: "PKS", regionCode: "53.16",
                signedOn: "25 Maret 2026", coverageStart: pks.Start, coverageEnd: pks.End,
                budget: "1,5 miliar", targetParticipants: 9_345, targetNonAsn: 6_311, targetVulnerable: 3_034,
                programs: "JKK, JKM", monthlyContribution: "16.800", legalBasis: "Perbup No. 9 Tahun 2026"),
        ];
        var sheet = AgreementSheet.Sheet(rows, "PKS",
            "PERJANJIAN KERJA SAMA PEMKAB NAGEKEO DAN BPJS KETENAGAKERJAAN KANTOR CABANG ENDE TAHUN 2026");
        // Title, blank row, header: the agreement is on row 4; "Anggaran" is column J.
        SampleFinding shortfall = new(4, "J4", "BUDGET_SHORTFALL", IsWarning: true, "1,5 miliar",
            "9,345 participants x 12 months x Rp 16,800 = Rp 1,883,952,000, more than the budget of Rp 1,500,000,000 " +
            "(the real figures; the agreement is stored and the office warned).");
        return new SampleFile(pks.Regency.Code, "perjanjian-nagekeo-2026.xls", Agreements, rows.Length, [], [shortfall],
            stream => SpreadsheetWriter.WriteXls(stream, [sheet]));
    }

    // Enrolment sheets: office habits on every row, then a few rows spoiled at fixed places.

    private static SampleFile SumbawaEnrolments()
    {
        var pks = SampleAgreements.Sumbawa;
        var draft = new EnrolmentDraft(EnrolmentSheet.Rows(311, pks.Regency.Code, pks.Number, pks.Start, pks.End, seed: 5204), csv: false);
        new OfficeHabits
        {
            SpelledGender = 0.15,
            TextBirthDates = 0.3,
            LocalOccupationWords = 0.4,
            FormattedPhones = 0.2,
            IncomeAsText = 0.15,
            StraySpaces = 0.05,
        }.Apply(draft.Generated, seed: 5204);
        draft.NikStoredAsNumber(12);
        draft.NikMissingADigit(37);
        draft.ImpossibleBirthDate(58, new DateOnly(1990, 1, 31), "31/02/1990");
        draft.UnknownOccupation(91, "Petanii", "petani");
        draft.DuplicateOf(23, after: 140);
        draft.BlankRowAfter(200);

        string[] titles =
        [
            EnrolmentSheet.Title(pks.Regency.Code, 2026),
            $"PKS No. {pks.Number} ({OfficeHabits.LongDate(pks.Start)} - {OfficeHabits.LongDate(pks.End)})",
        ];
        var (rows, findings, blankRows) = draft.Build(firstRow: titles.Length + 3);
        var sheet = new SheetSpec("Daftar Peserta", EnrolmentSheet.WithTitle(EnrolmentSheet.WithHeader(rows), titles),
            MergedRanges: EnrolmentSheet.TitleMerges(titles.Length));
        return new SampleFile(pks.Regency.Code, "peserta-sumbawa-2026.xlsx", Enrolments, draft.RowCount, blankRows, findings,
            stream => SpreadsheetWriter.WriteXlsx(stream, [sheet]));
    }

    private static SampleFile SumbaBaratDayaEnrolments()
    {
        var pks = SampleAgreements.SumbaBaratDaya;
        var draft = new EnrolmentDraft(EnrolmentSheet.Rows(239, pks.Regency.Code, pks.Number, pks.Start, pks.End, seed: 5318), csv: true);
        new OfficeHabits
        {
            SpelledGender = 0.2,
            TextBirthDates = 0.25,
            LocalOccupationWords = 0.3,
            FormattedPhones = 0.15,
            IncomeAsText = 0.2,
            StraySpaces = 0.03,
            BlankAgreementNo = 0.1,
            AutoCorrectedDashes = true,
        }.Apply(draft.Generated, seed: 5318);
        draft.NikStoredAsNumber(5);
        draft.NikMissingADigit(48);
        draft.ImpossibleBirthDate(99, new DateOnly(1990, 1, 31), "31/02/1990");
        draft.UnknownOccupation(133, "Nelayann", "nelayan");
        draft.DuplicateOf(17, after: 201);
        draft.BlankRowAfter(120);

        // Exported from an application: no title, the header on line 1.
        var (rows, findings, blankRows) = draft.Build(firstRow: 2);
        var lines = EnrolmentSheet.WithHeader(rows).ToList();
        return new SampleFile(pks.Regency.Code, "peserta-sumba-barat-daya-okt-des-2026.csv", Enrolments, draft.RowCount, blankRows, findings,
            // Excel's "CSV (dipisahkan koma)" in an Indonesian locale: semicolons, Windows-1252, no byte order mark.
            stream => SpreadsheetWriter.WriteCsv(stream, lines, ';', SpreadsheetWriter.Windows1252));
    }

    private static SampleFile NagekeoEnrolments()
    {
        var pks = SampleAgreements.Nagekeo;
        var draft = new EnrolmentDraft(EnrolmentSheet.Rows(199, pks.Regency.Code, pks.Number, pks.Start, pks.End, seed: 5316), csv: false);
        new OfficeHabits
        {
            // 6,311 of the PKS's 9,345 workers are non-ASN staff.
            NonAsnShare = 0.65,
            SpelledGender = 0.25,
            TextBirthDates = 0.2,
            LocalOccupationWords = 0.3,
            FormattedPhones = 0.1,
            IncomeAsText = 0.1,
            StraySpaces = 0.05,
        }.Apply(draft.Generated, seed: 5316);
        draft.NikStoredAsNumber(8);
        draft.NikMissingADigit(64);
        draft.ImpossibleBirthDate(103, new DateOnly(1991, 2, 28), "29/02/1991");
        draft.UnknownOccupation(122, "Honorr", "non_asn");
        draft.DuplicateOf(45, after: 150);
        draft.BlankRowAfter(77);

        string[] titles = ["DAFTAR PESERTA BPJS KETENAGAKERJAAN NON-ASN DAN PEKERJA RENTAN KABUPATEN NAGEKEO TAHUN ANGGARAN 2026"];
        var (rows, findings, blankRows) = draft.Build(firstRow: titles.Length + 3);
        var sheet = new SheetSpec("Peserta", EnrolmentSheet.WithTitle(EnrolmentSheet.WithHeader(rows), titles),
            MergedRanges: EnrolmentSheet.TitleMerges(titles.Length));
        return new SampleFile(pks.Regency.Code, "peserta-nagekeo-2026.xls", Enrolments, draft.RowCount, blankRows, findings,
            stream => SpreadsheetWriter.WriteXls(stream, [sheet]));
    }

    // Compliance sheets: the branch office's list of employers on 31 October 2026, habits on every row, then a few
    // rows spoiled at fixed places: five rejected (NPP_FORMAT, DUPLICATE_IN_FILE, AMOUNT_FORMAT, FOLLOWUP_UNKNOWN,
    // DATE_IN_FUTURE) and two kept with a warning (ARREARS_INCONSISTENT, ARREARS_ZERO_AMOUNT).

    private static SampleFile SumbawaCompliance()
    {
        var date = ComplianceDataDate;
        var draft = new ComplianceDraft(ComplianceSheet.Rows(119, "5204", date, seed: 5204), date);
        new ComplianceHabits { AmountAsText = 0.5, PaidUpAmountAsDash = 0.6, TextDates = 0.35, ShortFollowupWords = 0.2 }
            .Apply(draft.Generated, seed: 5204);
        draft.NppMissingADigit(9);
        draft.AmountNotUsable(33, "-Rp 4.500.000",
            "Negative: an overpayment typed with a minus; an amount owed is never below zero (write 0 and explain it under Keterangan).");
        draft.UnknownFollowup(47, "Surat Teguran 3",
            "There is no third warning letter: after the second the case goes to the prosecutor (Diserahkan ke Kejaksaan).");
        draft.FollowupAfterDataDate(61, new DateOnly(2026, 11, 12), "12 November 2026");
        draft.MonthsNotMatchingLastPayment(72, months: 2, new DateOnly(2025, 10, 28), "28 Oktober 2025");
        draft.DuplicateOf(15, after: 88);
        draft.ArrearsWithoutAmount(104, "-");

        string[] titles = [ComplianceSheet.Title("5204"), "BPJS KETENAGAKERJAAN KANTOR CABANG SUMBAWA"];
        // Two merged titles, the data date, a blank row, the header on row 5.
        var (rows, findings) = draft.Build(firstRow: titles.Length + 4);
        IEnumerable<object?[]> layout =
        [
            .. titles.Select(title => (object?[])[title]),
            [ComplianceSheet.DataDateLine(date)],
            [],
            ComplianceSheet.HeaderRow(),
            .. rows,
        ];
        var sheet = new SheetSpec("Kepatuhan BU", layout, MergedRanges: ComplianceTitleMerges(titles.Length));
        return new SampleFile("5204", "kepatuhan-sumbawa-okt-2026.xlsx", Compliance, draft.RowCount, [], findings,
            stream => SpreadsheetWriter.WriteXlsx(stream, [sheet]));
    }

    private static SampleFile SumbaBaratDayaCompliance()
    {
        var date = ComplianceDataDate;
        var draft = new ComplianceDraft(ComplianceSheet.Rows(63, "5318", date, seed: 5318), date);
        new ComplianceHabits { AmountAsText = 0.3, PaidUpAmountAsDash = 0.5, TextDates = 0.2, ShortFollowupWords = 0.3 }
            .Apply(draft.Generated, seed: 5318);
        draft.NppMissingADigit(6);
        draft.UnknownFollowup(14, "Sudah ditelepon",
            "A phone call is not one of the follow-up steps; note it under Keterangan and keep the step the case is at.");
        draft.MonthsNotMatchingLastPayment(22, months: 1, new DateOnly(2026, 1, 15), "15/01/2026");
        draft.AmountNotUsable(31, "(Rp 2.160.000)", "In brackets, as accounting software shows a negative amount: not an amount owed.");
        draft.PaymentAfterDataDate(40, new DateOnly(2026, 11, 3), "03/11/2026");
        draft.DuplicateOf(8, after: 51);
        draft.ArrearsWithoutAmount(57, "0");

        // Saved from Excel as CSV in an Indonesian locale (";", Windows-1252): the title and the data date above the
        // header, each padded with delimiters to the sheet's width as Excel does; the header on line 3.
        var (rows, findings) = draft.Build(firstRow: 4);
        var width = ComplianceSheet.Header.Count;
        object?[] Padded(params object?[] cells) => [.. cells, .. new object?[width - cells.Length]];
        List<object?[]> lines =
        [
            Padded($"{ComplianceSheet.Title("5318")} - BPJS KETENAGAKERJAAN KC TAMBOLAKA"),
            Padded("Tanggal Data:", date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            ComplianceSheet.HeaderRow(),
            .. rows,
        ];
        return new SampleFile("5318", "kepatuhan-sumba-barat-daya-okt-2026.csv", Compliance, draft.RowCount, [], findings,
            stream => SpreadsheetWriter.WriteCsv(stream, lines, ';', SpreadsheetWriter.Windows1252));
    }

    private static SampleFile NagekeoCompliance()
    {
        var date = ComplianceDataDate;
        var draft = new ComplianceDraft(ComplianceSheet.Rows(79, "5316", date, seed: 5316), date);
        new ComplianceHabits { AmountAsText = 0.4, PaidUpAmountAsDash = 0.3, TextDates = 0.5, ShortFollowupWords = 0.25 }
            .Apply(draft.Generated, seed: 5316);
        draft.DuplicateOf(5, after: 66);
        draft.NppMissingADigit(12);
        draft.AmountNotUsable(27, "belum dihitung",
            "Words, not an amount (\"not yet worked out\"): write the amount, or leave the cell empty until it is known.");
        draft.FollowupAfterDataDate(38, new DateOnly(2026, 11, 5), "5 November 2026");
        draft.UnknownFollowup(45, "Pemeriksaan", "An inspection is not one of the follow-up steps; note it under Keterangan.");
        draft.MonthsNotMatchingLastPayment(53, months: 3, new DateOnly(2025, 4, 30), "30 April 2025");
        draft.ArrearsWithoutAmount(71, "-");

        // One merged title; the data date's label in A2 and the date itself, an Excel date, in B2; the header on row 3.
        var (rows, findings) = draft.Build(firstRow: 4);
        IEnumerable<object?[]> layout =
        [
            ["DATA KEPATUHAN PEMBERI KERJA BADAN USAHA KABUPATEN NAGEKEO - BPJS KETENAGAKERJAAN KANTOR CABANG ENDE"],
            ["Tanggal Data :", date],
            ComplianceSheet.HeaderRow(),
            .. rows,
        ];
        var sheet = new SheetSpec("Kepatuhan", layout, MergedRanges: ComplianceTitleMerges(1));
        return new SampleFile("5316", "kepatuhan-nagekeo-okt-2026.xls", Compliance, draft.RowCount, [], findings,
            stream => SpreadsheetWriter.WriteXls(stream, [sheet]));
    }

    private static IReadOnlyList<string> ComplianceTitleMerges(int titleLines) =>
        [.. Enumerable.Range(1, titleLines).Select(row => $"A{row}:{(char)('A' + ComplianceSheet.Header.Count - 1)}{row}")];
}
