namespace Jamsostek.Core.Values;

/// <summary>The BPJS Ketenagakerjaan programs a worker is enrolled in.</summary>
[Flags]
public enum Programs
{
    None = 0,

    /// <summary>Jaminan Kecelakaan Kerja (work accident).</summary>
    JKK = 1,

    /// <summary>Jaminan Kematian (death).</summary>
    JKM = 2,

    /// <summary>Jaminan Hari Tua (old age savings).</summary>
    JHT = 4,
}
