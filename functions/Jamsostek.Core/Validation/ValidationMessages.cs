using Jamsostek.Core.Findings;
using Jamsostek.Core.Values;
using static Jamsostek.Core.Findings.FindingArgument;

namespace Jamsostek.Core.Validation;

/// <summary>
/// What each row-level finding says, as data: the template it is written with (FindingText.resx and its English
/// twin hold the words) and the values the template names. Values quoted are the office's own cells (NIKs masked).
/// </summary>
public static class ValidationMessages
{
    public static FindingMessage Required(string column) => new(FindingCode.Required, Literal("column", column));

    /// <summary>No agreement number, and the region has no PKS, or several, in force for the row's period.</summary>
    public static FindingMessage AgreementNotChosen(string region, int candidates, DateOnly start, DateOnly end) => candidates == 0
        ? new(FindingMessage.Variant(FindingCode.Required, "NoAgreementInForce"), Literal("region", region), Date("start", start), Date("end", end))
        : new(FindingMessage.Variant(FindingCode.Required, "SeveralAgreementsInForce"), Literal("region", region), Literal("candidates", candidates));

    public static FindingMessage NikFormat(string maskedNik) => new(FindingCode.NikFormat, Literal("nik", maskedNik));

    public static FindingMessage NikPrecisionLost() => new(FindingCode.NikPrecisionLost);

    public static FindingMessage NikBirthDate(string maskedNik) => new(FindingCode.NikBirthDate, Literal("nik", maskedNik));

    public static FindingMessage NikGenderMismatch(bool columnSaysFemale) =>
        new(FindingMessage.Variant(FindingCode.NikGenderMismatch, columnSaysFemale ? "ColumnSaysFemale" : "ColumnSaysMale"));

    /// <param name="length">The cell's length as ingestion measured it; null when it stopped counting.</param>
    public static FindingMessage CellTooLong(string column, string? length) => length is null
        ? new(FindingMessage.Variant(FindingCode.CellTooLong, "LengthUnknown"), Literal("column", column))
        : new(FindingCode.CellTooLong, Literal("column", column), Literal("length", length));

    public static FindingMessage DateFormat(string column, string text) => new(FindingCode.DateFormat, Literal("column", column), Literal("text", text));

    public static FindingMessage AmountFormat(string column, string text) => new(FindingCode.AmountFormat, Literal("column", column), Literal("text", text));

    public static FindingMessage OccupationUnknown(string text, string? suggestion) => suggestion is null
        ? new(FindingMessage.Variant(FindingCode.OccupationUnknown, "NoSuggestion"), Literal("text", text), Literal("categories", string.Join(", ", Occupation.Categories)))
        : new(FindingCode.OccupationUnknown, Literal("text", text), Literal("suggestion", suggestion));

    /// <summary>An enumeration value not recognised; the template of <paramref name="code"/> says what is accepted.</summary>
    public static FindingMessage ValueUnknown(string code, string column, string text) => code switch
    {
        // The follow-up steps are named as offices write them, in Bahasa Indonesia, whatever the reader's language.
        FindingCode.FollowupUnknown => new(code, Literal("column", column), Literal("text", text),
            Literal("accepted", string.Join(", ", FollowupStatus.All.Select(status => FollowupStatus.Label(status, Templates.Language.Id))))),
        ValueCodes.GenderFormat or ValueCodes.SegmentUnknown or ValueCodes.ProgramUnknown or ValueCodes.AgreementTypeUnknown
            or ValueCodes.FundingSourceUnknown or ValueCodes.NameFormat => new(code, Literal("column", column), Literal("text", text)),
        _ => new(ValueUnknownKey, Literal("column", column), Literal("text", text)),
    };

    /// <summary>The template of a value a reader rejected with a code that has no template of its own.</summary>
    public const string ValueUnknownKey = "VALUE_UNKNOWN";

    public static FindingMessage AgreementUnknown(string agreementNo, string region) =>
        new(FindingCode.AgreementUnknown, Literal("agreement", agreementNo), Literal("region", region));

    public static FindingMessage PeriodOutsideAgreement(DateOnly start, DateOnly end, Agreement agreement) => new(FindingCode.PeriodOutsideAgreement,
        Date("start", start), Date("end", end), Literal("agreement", agreement.AgreementNo),
        Date("agreementStart", agreement.CoverageStart!.Value), Date("agreementEnd", agreement.CoverageEnd!.Value));

    public static FindingMessage PeriodInvalid(DateOnly start, DateOnly end) => new(FindingCode.PeriodInvalid, Date("start", start), Date("end", end));

    /// <param name="key">What repeats; each has its own variant, which names it in the reader's words.</param>
    public static FindingMessage DuplicateInFile(RepeatedKey key, int firstRow) =>
        new(FindingMessage.Variant(FindingCode.DuplicateInFile, key.ToString()), Literal("firstRow", firstRow));

    public static FindingMessage DuplicateCoverage(CoverageRecord earlier) => new(FindingCode.DuplicateCoverage,
        Date("start", earlier.CoverageStart), Date("end", earlier.CoverageEnd), Literal("agreement", earlier.AgreementNo), Literal("region", earlier.Region));

    public static FindingMessage NikBirthDateMismatch(DateOnly column, DateOnly fromNik) =>
        new(FindingCode.NikBirthDateMismatch, Date("birthDate", column), Date("nikDate", fromNik));

    public static FindingMessage NikRegion(string nikProvince, string province) =>
        new(FindingCode.NikRegion, Literal("nikProvince", nikProvince), Literal("province", province));

    public static FindingMessage AgeRange(int age) => new(FindingCode.AgeRange, Literal("age", age));

    public static FindingMessage PhoneFormat(string text) => new(FindingCode.PhoneFormat, Literal("text", text));

    public static FindingMessage KpjFormat(string text) => new(ValueCodes.KpjFormat, Literal("text", text));

    public static FindingMessage QuotaExceeded(string agreementNo, long participants, long target) =>
        new(FindingCode.QuotaExceeded, Literal("agreement", agreementNo), Number("participants", participants), Number("target", target));

    public static FindingMessage AgreementDates(DateOnly signed, DateOnly start) => new(FindingCode.AgreementDates, Date("signed", signed), Date("start", start));

    /// <summary>The shortfall and how the need was worked out: "6.311 non_asn x Rp 16.800 + 3.034 x Rp 16.800, x 12 bulan".</summary>
    public static FindingMessage BudgetShortfall(BudgetCheck check) => new(FindingCode.BudgetShortfall,
        Rupiah("budget", check.Budget), Rupiah("needed", check.Needed), Rupiah("shortfall", check.Needed - check.Budget),
        List("lines", " + ", [.. check.Lines.Select(BudgetLine)]), Literal("months", check.Months));

    public static FindingMessage BudgetLine((string Segment, int Count, decimal Rate) line) => line.Segment.Length > 0
        ? new(FindingMessage.Variant(FindingCode.BudgetShortfall, "Line"), Number("count", line.Count), Literal("segment", line.Segment), Rupiah("rate", line.Rate))
        : new(FindingMessage.Variant(FindingCode.BudgetShortfall, "LineWithoutSegment"), Number("count", line.Count), Rupiah("rate", line.Rate));

    public static FindingMessage NppFormat(string text) => new(FindingCode.NppFormat, Literal("npp", text));

    public static FindingMessage DateInFuture(string column, DateOnly date, DateOnly snapshot) =>
        new(FindingCode.DateInFuture, Literal("column", column), Date("date", date), Date("snapshot", snapshot));

    public static FindingMessage ArrearsInconsistent(int months, DateOnly lastPaid, DateOnly snapshot, int wholeMonths) => new(FindingCode.ArrearsInconsistent,
        Literal("months", months), Date("lastPaid", lastPaid), Date("snapshot", snapshot), Literal("wholeMonths", wholeMonths));

    public static FindingMessage ArrearsZeroAmount(int months) => new(FindingCode.ArrearsZeroAmount, Literal("months", months));
}
