namespace Jamsostek.Core.Values;

/// <summary>
/// Participant segments, as the stable codes the contract names (stored and reported as is), and the reading of
/// a segment cell: "Pekerja Rentan", "Rentan", "BPU Rentan"; "Non ASN", "Honorer"; "Perangkat Desa", "Aparat Desa".
/// </summary>
public static class Segment
{
    public const string PekerjaRentan = "pekerja_rentan";
    public const string NonAsn = "non_asn";
    public const string PerangkatDesa = "perangkat_desa";

    public static IReadOnlyList<string> All { get; } = [PekerjaRentan, NonAsn, PerangkatDesa];

    private static readonly SpellingTable<string> Spellings = new([
        (PekerjaRentan, PekerjaRentan), ("Rentan", PekerjaRentan), ("BPU Rentan", PekerjaRentan),
        ("Pekerja Rentan BPU", PekerjaRentan),
        (NonAsn, NonAsn), ("Honorer", NonAsn), ("Tenaga Honorer", NonAsn), ("Pegawai Non ASN", NonAsn), ("PPNPN", NonAsn),
        (PerangkatDesa, PerangkatDesa), ("Aparat Desa", PerangkatDesa), ("Aparatur Desa", PerangkatDesa),
        ("Aparatur Pemerintah Desa", PerangkatDesa),
    ]);

    public static ParsedValue<string> Parse(object? cell) =>
        Spellings.Parse(cell, ValueCodes.SegmentUnknown, "segment (pekerja rentan, non ASN, perangkat desa)");
}
