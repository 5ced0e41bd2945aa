using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Digest;

/// <summary>How the digest names segments, occupations and rejection reasons for a reader, in Bahasa Indonesia or English.</summary>
public static class DigestLabels
{
    public static string Segment(string code, Language l) => code switch
    {
        Values.Segment.PekerjaRentan => l == Language.En ? "Vulnerable workers" : "Pekerja rentan",
        Values.Segment.NonAsn => l == Language.En ? "Non-ASN staff" : "Non-ASN",
        Values.Segment.PerangkatDesa => l == Language.En ? "Village officials" : "Perangkat desa",
        _ => l == Language.En ? "Unspecified" : "Tidak disebut",
    };

    public static string Occupation(string code, Language l) => code switch
    {
        Values.Occupation.Petani => l == Language.En ? "Farmers" : "Petani",
        Values.Occupation.Pekebun => l == Language.En ? "Planters" : "Pekebun",
        Values.Occupation.Peternak => l == Language.En ? "Livestock keepers" : "Peternak",
        Values.Occupation.Nelayan => l == Language.En ? "Fishers" : "Nelayan",
        Values.Occupation.Ojek => l == Language.En ? "Ojek drivers" : "Ojek",
        Values.Occupation.BuruhHarianLepas => l == Language.En ? "Day labourers" : "Buruh harian lepas",
        Values.Occupation.BuruhBangunan => l == Language.En ? "Construction workers" : "Buruh bangunan",
        Values.Occupation.Pedagang => l == Language.En ? "Traders" : "Pedagang",
        Values.Occupation.Umkm => l == Language.En ? "Micro businesses" : "Pelaku UMKM",
        Values.Occupation.PekerjaKeagamaan => l == Language.En ? "Religious workers" : "Pekerja keagamaan",
        Values.Occupation.NonAsn => l == Language.En ? "Non-ASN staff" : "Non-ASN",
        Values.Occupation.RtRw => l == Language.En ? "RT/RW heads" : "Ketua RT/RW",
        Values.Occupation.Bpd => l == Language.En ? "BPD members" : "Anggota BPD",
        Values.Occupation.Linmas => "Linmas",
        Values.Occupation.KaderPosyandu => l == Language.En ? "Posyandu volunteers" : "Kader posyandu",
        Values.Occupation.Lpm => l == Language.En ? "LPM members" : "Anggota LPM",
        Values.Occupation.PerangkatDesa => l == Language.En ? "Village officials" : "Perangkat desa",
        Values.Occupation.Lainnya => l == Language.En ? "Other" : "Lainnya",
        _ => l == Language.En ? "Unspecified" : "Tidak disebut",
    };

    /// <summary>A rejection reason in a few words; the code itself for one the digest has no words for.</summary>
    public static string Reason(string code, Language l) => FindingText.Reason(code, l);

    public static string UploadStatus(string status, Language l) => status switch
    {
        "received" => l == Language.En ? "received" : "diterima",
        "validating" => l == Language.En ? "being checked" : "sedang diperiksa",
        "completed" => l == Language.En ? "completed" : "selesai",
        "completed_with_errors" => l == Language.En ? "completed with rejected rows" : "selesai, ada baris ditolak",
        "rejected" => l == Language.En ? "rejected" : "ditolak",
        "failed" => l == Language.En ? "failed (our side)" : "gagal (sisi sistem)",
        "duplicate" => l == Language.En ? "duplicate: same content as an earlier upload" : "duplikat: isi sama dengan unggahan sebelumnya",
        _ => status,
    };
}
