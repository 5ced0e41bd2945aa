namespace Jamsostek.Core.Findings;

/// <summary>The stable English codes of the contract (section 3). Messages are Bahasa Indonesia by default.</summary>
public static class FindingCode
{
    // File level: the upload is rejected, nothing stored.
    public const string FileUnreadable = "FILE_UNREADABLE";
    public const string FileType = "FILE_TYPE";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string FileEmpty = "FILE_EMPTY";
    public const string FileEncrypted = "FILE_ENCRYPTED";
    public const string HeaderNotFound = "HEADER_NOT_FOUND";
    public const string HeaderMissingColumn = "HEADER_MISSING_COLUMN";
    public const string HeaderDuplicateColumn = "HEADER_DUPLICATE_COLUMN";
    public const string RegionMismatch = "REGION_MISMATCH";

    // Row level errors: the row is not stored.
    public const string Required = "REQUIRED";
    public const string NikFormat = "NIK_FORMAT";
    public const string NikPrecisionLost = "NIK_PRECISION_LOST";
    public const string NikBirthDate = "NIK_BIRTHDATE";
    public const string NikGenderMismatch = "NIK_GENDER_MISMATCH";
    public const string DateFormat = "DATE_FORMAT";
    public const string AmountFormat = "AMOUNT_FORMAT";
    public const string OccupationUnknown = "OCCUPATION_UNKNOWN";
    public const string AgreementUnknown = "AGREEMENT_UNKNOWN";
    public const string PeriodOutsideAgreement = "PERIOD_OUTSIDE_AGREEMENT";
    public const string PeriodInvalid = "PERIOD_INVALID";
    public const string DuplicateInFile = "DUPLICATE_IN_FILE";
    public const string DuplicateCoverage = "DUPLICATE_COVERAGE";
    public const string CellTooLong = "CELL_TOO_LONG";

    // Employer compliance rows: errors.
    public const string NppFormat = "NPP_FORMAT";
    public const string DateInFuture = "DATE_IN_FUTURE";
    public const string FollowupUnknown = "FOLLOWUP_UNKNOWN";

    // Warnings: the row is stored.
    public const string NikBirthDateMismatch = "NIK_BIRTHDATE_MISMATCH";
    public const string NikRegion = "NIK_REGION";
    public const string AgeRange = "AGE_RANGE";
    public const string PhoneFormat = "PHONE_FORMAT";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string AgreementDates = "AGREEMENT_DATES";
    public const string BudgetShortfall = "BUDGET_SHORTFALL";

    // Employer compliance rows: warnings.
    public const string ArrearsInconsistent = "ARREARS_INCONSISTENT";
    public const string ArrearsZeroAmount = "ARREARS_ZERO_AMOUNT";
}
