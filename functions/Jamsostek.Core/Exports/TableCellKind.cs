namespace Jamsostek.Core.Exports;

/// <summary>What a <see cref="TableCell"/> holds, which decides how each format writes it.</summary>
public enum TableCellKind
{
    Empty,
    Text,
    Integer,
    Decimal,
    Double,
    Date,
}
