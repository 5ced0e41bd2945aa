using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Digest;

/// <summary>How the digest names segments, occupations and rejection reasons for a reader, in Bahasa Indonesia or English.</summary>
public static class DigestLabels
{
    public static string Segment(string code, Language language) => code switch
    {
        Values.Segment.PekerjaRentan => language == Language.En ? "Vulnerable workers" : "Pekerja rentan",
        Values.Segment.NonAsn => language == Language.En ? "Non-ASN staff" : "Non-ASN",
        Values.Segment.PerangkatDesa => language == Language.En ? "Village officials" : "Perangkat desa",
        _ => language == Language.En ? "Unspecified" : "Tidak disebut",
    };

    public static string Occupation(string code, Language language) => code switch
    {
        Values.Occupation.Petani => language == Language.En ? "Farmers" : "Petani",
        Values.Occupation.Pekebun => language == Language.En ? "Planters" : "Pekebun",
        Values.Occupation.Peternak => language == Language.En ? "Livestock keepers" : "Peternak",
        Values.Occupation.Nelayan => language == Language.En ? "Fishers" : "Nelayan",
        Values.Occupation.Ojek => language == Language.En ? "Ojek drivers" : "Ojek",
        Values.Occupation.BuruhHarianLepas => language == Language.En ? "Day labourers" : "Buruh harian lepas",
        Values.Occupation.BuruhBangunan => language == Language.En ? "Construction workers" : "Buruh bangunan",
        Values.Occupation.Pedagang => language == Language.En ? "Traders" : "Pedagang",
        Values.Occupation.Umkm => language == Language.En ? "Micro businesses" : "Pelaku UMKM",
        Values.Occupation.PekerjaKeagamaan => language == Language.En ? "Religious workers" : "Pekerja keagamaan",
        Values.Occupation.NonAsn => language == Language.En ? "Non-ASN staff" : "Non-ASN",
        Values.Occupation.RtRw => language == Language.En ? "RT/RW heads" : "Ketua RT/RW",
        Values.Occupation.Bpd => language == Language.En ? "BPD members" : "Anggota BPD",
        Values.Occupation.Linmas => "Linmas",
        Values.Occupation.KaderPosyandu => language == Language.En ? "Posyandu volunteers" : "Kader posyandu",
        Values.Occupation.Lpm => language == Language.En ? "LPM members" : "Anggota LPM",
        Values.Occupation.PerangkatDesa => language == Language.En ? "Village officials" : "Perangkat desa",
        Values.Occupation.Lainnya => language == Language.En ? "Other" : "Lainnya",
        _ => language == Language.En ? "Unspecified" : "Tidak disebut",
    };

    /// <summary>A rejection reason in a few words; the code itself for one the digest has no words for.</summary>
    public static string Reason(string code, Language language) => FindingText.Reason(code, language);

    public static string UploadStatus(string status, Language language) => status switch
    {
        Uploads.UploadStatus.Received => language == Language.En ? "received" : "diterima",
        Uploads.UploadStatus.Validating => language == Language.En ? "being checked" : "sedang diperiksa",
        Uploads.UploadStatus.Completed => language == Language.En ? "completed" : "selesai",
        Uploads.UploadStatus.CompletedWithErrors => language == Language.En ? "completed with rejected rows" : "selesai, ada baris ditolak",
        Uploads.UploadStatus.Rejected => language == Language.En ? "rejected" : "ditolak",
        Uploads.UploadStatus.Failed => language == Language.En ? "failed (our side)" : "gagal (sisi sistem)",
        Uploads.UploadStatus.Duplicate => language == Language.En ? "duplicate: same content as an earlier upload" : "duplikat: isi sama dengan unggahan sebelumnya",
        _ => status,
    };
}
