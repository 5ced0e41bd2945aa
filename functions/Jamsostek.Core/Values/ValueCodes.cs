namespace Jamsostek.Core.Values;

/// <summary>
/// Error codes for enumeration values the contract (section 3) has no code for. The contract's own codes
/// (DATE_FORMAT, AMOUNT_FORMAT, NIK_FORMAT, ...) live in <see cref="Findings.FindingCode"/>.
/// </summary>
public static class ValueCodes
{
    public const string GenderFormat = "GENDER_FORMAT";
    public const string SegmentUnknown = "SEGMENT_UNKNOWN";
    public const string ProgramUnknown = "PROGRAM_UNKNOWN";
    public const string AgreementTypeUnknown = "AGREEMENT_TYPE_UNKNOWN";
    public const string FundingSourceUnknown = "FUNDING_SOURCE_UNKNOWN";
    public const string NameFormat = "NAME_FORMAT";
    public const string KpjFormat = "KPJ_FORMAT";
}
