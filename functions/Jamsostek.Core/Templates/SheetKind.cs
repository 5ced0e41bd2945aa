namespace Jamsostek.Core.Templates;

/// <summary>What a sheet holds, recognised from its header row.</summary>
public enum SheetKind
{
    /// <summary>Perjanjian / MoU / PKS, one row per agreement.</summary>
    Agreements,

    /// <summary>Daftar Peserta, one row per worker.</summary>
    Enrolments,

    /// <summary>Kepatuhan Badan Usaha: one row per employer registered with BPJS Ketenagakerjaan, a snapshot of what it owes.</summary>
    Compliance,
}
