namespace Jamsostek.Core.Values;

/// <summary>
/// NPP (Nomor Pendaftaran Perusahaan), an employer's BPJS Ketenagakerjaan registration number: 8 digits. Dots, spaces,
/// dashes and a leading apostrophe, as offices type it ("12.345.678", "1234 5678"), are dropped. A number cell is read
/// as its digits, so one that lost a leading zero is 7 digits and refused, as it should be.
/// </summary>
public static class Npp
{
    public const int Length = 8;

    public static ParsedValue<string> Parse(object? cell) => FixedDigits.Parse(cell, Length, Findings.FindingCode.NppFormat, "an NPP");
}
