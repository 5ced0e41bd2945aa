namespace Jamsostek.Core.Values;

/// <summary>
/// Nomor KPJ (the BPJS Ketenagakerjaan membership card number): 11 digits. Spaces, dots, dashes and a leading
/// apostrophe are dropped. Unlike a NIK, 11 digits survive a number cell intact, so a number cell is fine.
/// </summary>
public static class Kpj
{
    public const int Length = 11;

    public static ParsedValue<string> Parse(object? cell) => FixedDigits.Parse(cell, Length, ValueCodes.KpjFormat, "a KPJ number");
}
