namespace Jamsostek.Core.Validation;

/// <summary>What identifies a row within its file, so that a repeat of it is a DUPLICATE_IN_FILE.</summary>
public enum RepeatedKey
{
    Nik,
    Npp,
    AgreementNo,
}
