namespace Jamsostek.Core.Values;

/// <summary>
/// The compliance team's follow-up steps for an employer in arrears, as stable codes (stored and reported as is), and
/// the reading of a status cell: "Belum Ditindaklanjuti", "Surat Teguran 1" (also "ST 1", "Teguran I"), "Surat
/// Teguran 2", "Diserahkan ke Kejaksaan" ("Kejaksaan", "SKK"), "Cicilan" ("Angsuran"), "Lunas".
/// </summary>
public static class FollowupStatus
{
    public const string NotFollowedUp = "belum_ditindaklanjuti";
    public const string Warning1 = "surat_teguran_1";
    public const string Warning2 = "surat_teguran_2";
    public const string Prosecutor = "diserahkan_ke_kejaksaan";
    public const string Instalments = "cicilan";
    public const string PaidOff = "lunas";

    /// <summary>In the order a case moves through them.</summary>
    public static IReadOnlyList<string> All { get; } = [NotFollowedUp, Warning1, Warning2, Prosecutor, Instalments, PaidOff];

    private static readonly SpellingTable<string> Spellings = new([
        (NotFollowedUp, NotFollowedUp), ("Belum", NotFollowedUp), ("Belum Ditangani", NotFollowedUp), ("Belum Ada", NotFollowedUp),
        ("Belum Ditindak Lanjuti", NotFollowedUp),
        (Warning1, Warning1), ("ST 1", Warning1), ("ST I", Warning1), ("Teguran 1", Warning1), ("Teguran I", Warning1),
        ("Surat Teguran I", Warning1), ("Surat Teguran Pertama", Warning1),
        (Warning2, Warning2), ("ST 2", Warning2), ("ST II", Warning2), ("Teguran 2", Warning2), ("Teguran II", Warning2),
        ("Surat Teguran II", Warning2), ("Surat Teguran Kedua", Warning2),
        (Prosecutor, Prosecutor), ("Kejaksaan", Prosecutor), ("Diserahkan Kejaksaan", Prosecutor), ("SKK", Prosecutor),
        ("Surat Kuasa Khusus", Prosecutor), ("Jaksa Pengacara Negara", Prosecutor),
        (Instalments, Instalments), ("Angsuran", Instalments), ("Mencicil", Instalments),
        (PaidOff, PaidOff), ("Sudah Lunas", PaidOff), ("Lunas Tunggakan", PaidOff),
    ]);

    public static ParsedValue<string> Parse(object? cell) =>
        Spellings.Parse(cell, Findings.FindingCode.FollowupUnknown, "follow-up status");

    /// <summary>How a regional head reads the step.</summary>
    public static string Label(string status, Templates.Language l) => status switch
    {
        NotFollowedUp => l == Templates.Language.En ? "not yet followed up" : "belum ditindaklanjuti",
        Warning1 => l == Templates.Language.En ? "first warning letter" : "surat teguran 1",
        Warning2 => l == Templates.Language.En ? "second warning letter" : "surat teguran 2",
        Prosecutor => l == Templates.Language.En ? "handed to the prosecutor" : "diserahkan ke kejaksaan",
        Instalments => l == Templates.Language.En ? "paying in instalments" : "cicilan",
        PaidOff => l == Templates.Language.En ? "paid off" : "lunas",
        _ => status,
    };
}
