namespace Jamsostek.Core.Values;

/// <summary>
/// "MoU", "Nota Kesepahaman", "Kesepakatan Bersama" are <see cref="AgreementType.MoU"/>; "PKS", "Perjanjian Kerja Sama",
/// "Perjanjian Kerjasama" are <see cref="AgreementType.PKS"/>.
/// </summary>
public static class AgreementTypeValue
{
    private static readonly SpellingTable<AgreementType> Spellings = new([
        ("MoU", AgreementType.MoU), ("Nota Kesepahaman", AgreementType.MoU), ("Memorandum of Understanding", AgreementType.MoU),
        ("Kesepakatan Bersama", AgreementType.MoU),
        ("PKS", AgreementType.PKS), ("Perjanjian Kerja Sama", AgreementType.PKS), ("Perjanjian Kerjasama", AgreementType.PKS),
    ]);

    public static ParsedValue<AgreementType> Parse(object? cell) =>
        Spellings.Parse(cell, ValueCodes.AgreementTypeUnknown, "agreement type (MoU or PKS)");
}
