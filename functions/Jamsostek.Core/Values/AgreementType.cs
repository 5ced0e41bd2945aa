namespace Jamsostek.Core.Values;

public enum AgreementType
{
    /// <summary>Memorandum of understanding (nota kesepahaman).</summary>
    MoU,

    /// <summary>Perjanjian kerja sama: the agreement that carries a coverage period.</summary>
    PKS,
}
