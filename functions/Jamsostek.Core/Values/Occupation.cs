using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Values;

/// <summary>
/// The canonical occupation categories of the contract (stable codes, stored and reported as is), the spellings
/// offices use for them (including the Dukcapil KTP wording such as "Petani/Pekebun", "Buruh Tani/Perkebunan"),
/// a suggestion for unknown text, and the segment an occupation implies.
/// </summary>
public static class Occupation
{
    public const string Petani = "petani";
    public const string Pekebun = "pekebun";
    public const string Peternak = "peternak";
    public const string Nelayan = "nelayan";
    public const string Ojek = "ojek";
    public const string BuruhHarianLepas = "buruh_harian_lepas";
    public const string BuruhBangunan = "buruh_bangunan";
    public const string Pedagang = "pedagang";
    public const string Umkm = "umkm";
    public const string PekerjaKeagamaan = "pekerja_keagamaan";
    public const string NonAsn = "non_asn";
    public const string RtRw = "rt_rw";
    public const string Bpd = "bpd";
    public const string Linmas = "linmas";
    public const string KaderPosyandu = "kader_posyandu";
    public const string Lpm = "lpm";
    public const string PerangkatDesa = "perangkat_desa";
    public const string Lainnya = "lainnya";

    public static IReadOnlyList<string> Categories { get; } =
    [
        Petani, Pekebun, Peternak, Nelayan, Ojek, BuruhHarianLepas, BuruhBangunan, Pedagang, Umkm, PekerjaKeagamaan,
        NonAsn, RtRw, Bpd, Linmas, KaderPosyandu, Lpm, PerangkatDesa, Lainnya,
    ];

    // A suggestion farther than this many edits per three characters of the text is noise, not a typo.
    private const int CharactersPerAllowedEdit = 3;
    private const int MaxSuggestLength = 64;
    private const int MinContainedKeyLength = 4;

    // Declaration order breaks ties in suggestions: the canonical code first, then the commonest spellings.
    private static readonly SpellingTable<string> Spellings = new([
        (Petani, Petani), ("Petani/Pekebun", Petani), ("Petani Penggarap", Petani), ("Tani", Petani), ("Petani Sawah", Petani),
        (Pekebun, Pekebun),
        (Peternak, Peternak),
        (Nelayan, Nelayan), ("Nelayan Tradisional", Nelayan), ("Nelayan/Perikanan", Nelayan), ("Nelayan Kecil", Nelayan),
        (Ojek, Ojek), ("Tukang Ojek", Ojek), ("Ojol", Ojek), ("Ojek Online", Ojek), ("Pengemudi Ojek", Ojek),
        ("Ojek Pangkalan", Ojek),
        (BuruhHarianLepas, BuruhHarianLepas), ("BHL", BuruhHarianLepas), ("Buruh Harian", BuruhHarianLepas),
        ("Buruh Tani", BuruhHarianLepas), ("Buruh Tani/Perkebunan", BuruhHarianLepas), ("Buruh Lepas", BuruhHarianLepas),
        ("Pekerja Harian Lepas", BuruhHarianLepas),
        (BuruhBangunan, BuruhBangunan), ("Tukang Bangunan", BuruhBangunan), ("Kuli Bangunan", BuruhBangunan),
        ("Tukang Batu", BuruhBangunan), ("Tukang Kayu", BuruhBangunan),
        (Pedagang, Pedagang), ("Pedagang Kaki Lima", Pedagang), ("PKL", Pedagang), ("Pedagang Pasar", Pedagang),
        ("Pedagang Keliling", Pedagang),
        (Umkm, Umkm), ("Pelaku UMKM", Umkm), ("Usaha Mikro", Umkm), ("Pelaku Usaha Mikro", Umkm), ("UKM", Umkm),
        (PekerjaKeagamaan, PekerjaKeagamaan), ("Marbot", PekerjaKeagamaan), ("Marbut", PekerjaKeagamaan),
        ("Guru Ngaji", PekerjaKeagamaan), ("Imam Masjid", PekerjaKeagamaan), ("Imam", PekerjaKeagamaan),
        ("Ustadz", PekerjaKeagamaan), ("Ustad", PekerjaKeagamaan), ("Ustadz/Mubaligh", PekerjaKeagamaan),
        ("Pendeta", PekerjaKeagamaan), ("Pemangku", PekerjaKeagamaan), ("Modin", PekerjaKeagamaan),
        (NonAsn, NonAsn), ("Honorer", NonAsn), ("Tenaga Honorer", NonAsn), ("Pegawai Honorer", NonAsn),
        ("Guru Honorer", NonAsn), ("Tenaga Kontrak", NonAsn), ("PTT", NonAsn), ("Pegawai Tidak Tetap", NonAsn),
        ("PPNPN", NonAsn),
        (RtRw, RtRw), ("RT", RtRw), ("RW", RtRw), ("Ketua RT", RtRw), ("Ketua RW", RtRw), ("Ketua RT/RW", RtRw),
        (Bpd, Bpd), ("Anggota BPD", Bpd), ("Ketua BPD", Bpd), ("Badan Permusyawaratan Desa", Bpd),
        (Linmas, Linmas), ("Hansip", Linmas), ("Anggota Linmas", Linmas), ("Satlinmas", Linmas),
        (KaderPosyandu, KaderPosyandu), ("Kader", KaderPosyandu), ("Posyandu", KaderPosyandu),
        (Lpm, Lpm), ("Anggota LPM", Lpm), ("Lembaga Pemberdayaan Masyarakat", Lpm),
        (PerangkatDesa, PerangkatDesa), ("Kepala Dusun", PerangkatDesa), ("Kadus", PerangkatDesa),
        ("Sekdes", PerangkatDesa), ("Sekretaris Desa", PerangkatDesa), ("Kaur", PerangkatDesa),
        ("Kepala Urusan", PerangkatDesa), ("Kasi", PerangkatDesa), ("Kepala Seksi", PerangkatDesa),
        ("Kepala Desa", PerangkatDesa), ("Kades", PerangkatDesa), ("Aparat Desa", PerangkatDesa),
        (Lainnya, Lainnya), ("Lain-lain", Lainnya), ("Lain", Lainnya), ("Lain-lainnya", Lainnya),
    ]);

    /// <summary>
    /// The category of an occupation cell. Unknown text fails with OCCUPATION_UNKNOWN; the problem names the
    /// closest category when <see cref="Suggest"/> finds one.
    /// </summary>
    public static ParsedValue<string> Parse(object? cell)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<string>.Empty;
            case string text:
                var trimmed = text.AsSpan().Trim();
                if (trimmed.IsEmpty)
                {
                    return ParsedValue<string>.Empty;
                }
                if (Spellings.TryFind(trimmed, out var category))
                {
                    return ParsedValue<string>.Ok(category);
                }
                var suggestion = Suggest(text);
                return ParsedValue<string>.Fail(
                    FindingCode.OccupationUnknown,
                    suggestion is null ? "Not a known occupation." : $"Not a known occupation; closest category: {suggestion}.");
            default:
                return ParsedValue<string>.Fail(FindingCode.OccupationUnknown, $"A {Cell.Kind(cell)} cell is not an occupation.");
        }
    }

    /// <summary>
    /// The category whose known spelling is closest to <paramref name="text"/> ("Petanii" and "petni" give petani,
    /// "nelyan" gives nelayan), by Damerau-Levenshtein distance between normalized keys, at most one edit per three
    /// characters; failing that, the category of the longest known spelling the text contains ("Petani Kopi").
    /// Null when nothing is close: a far-fetched suggestion would mislead the office.
    /// </summary>
    public static string? Suggest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.AsSpan();
        if (source.Length > MaxSuggestLength * 2)
        {
            return null;
        }
        Span<char> buffer = stackalloc char[source.Length];
        var key = buffer[..Normalize.Key(source, buffer)];
        if (key.IsEmpty || key.Length > MaxSuggestLength)
        {
            return null;
        }
        if (Spellings.TryFindKey(key, out var exact))
        {
            return exact;
        }

        var allowed = Math.Max(1, key.Length / CharactersPerAllowedEdit);
        string? closest = null;
        var closestDistance = int.MaxValue;
        string? contained = null;
        var containedLength = 0;
        foreach (var (spelling, category) in Spellings.Entries)
        {
            var distance = EditDistance.Between(key, spelling);
            if (distance < closestDistance)
            {
                closestDistance = distance;
                closest = category;
            }
            if (spelling.Length >= MinContainedKeyLength && spelling.Length > containedLength && key.Contains(spelling, StringComparison.Ordinal))
            {
                containedLength = spelling.Length;
                contained = category;
            }
        }
        return closestDistance <= allowed ? closest : contained;
    }

    /// <summary>
    /// The segment a category implies when the row gives none: non_asn for non_asn; perangkat_desa for the village
    /// roles (rt_rw, bpd, linmas, kader_posyandu, lpm, perangkat_desa); pekerja_rentan for every other category.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of <see cref="Categories"/>.</exception>
    public static string DefaultSegment(string category) => category switch
    {
        NonAsn => Segment.NonAsn,
        RtRw or Bpd or Linmas or KaderPosyandu or Lpm or PerangkatDesa => Segment.PerangkatDesa,
        Petani or Pekebun or Peternak or Nelayan or Ojek or BuruhHarianLepas or BuruhBangunan or Pedagang or Umkm
            or PekerjaKeagamaan or Lainnya => Segment.PekerjaRentan,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a canonical occupation category."),
    };
}
