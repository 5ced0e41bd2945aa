namespace Jamsostek.Core.Templates;

/// <summary>How a field's value is read and checked.</summary>
public enum FieldType
{
    Text,
    Nik,
    Date,
    Amount,
    WholeNumber,
    Gender,
    Occupation,
    Segment,
    Programs,
    AgreementType,
    FundingSource,
    Phone,
    Kpj,
    RegionCode,
    PersonName,
    Npp,
    FollowupStatus,
}
