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
    public static string Reason(string code, Language l) => code switch
    {
        FindingCode.Required => l == Language.En ? "required value missing" : "kolom wajib kosong",
        FindingCode.NikFormat => l == Language.En ? "NIK not 16 digits" : "NIK tidak 16 angka",
        FindingCode.NikPrecisionLost => l == Language.En ? "NIK stored as a number" : "NIK tersimpan sebagai angka",
        FindingCode.NikBirthDate => l == Language.En ? "NIK without a valid birth date" : "NIK tanpa tanggal lahir sah",
        FindingCode.NikGenderMismatch => l == Language.En ? "gender differs from NIK" : "jenis kelamin tidak sesuai NIK",
        FindingCode.DateFormat => l == Language.En ? "invalid date" : "tanggal tidak sah",
        FindingCode.AmountFormat => l == Language.En ? "invalid number" : "angka tidak sah",
        FindingCode.OccupationUnknown => l == Language.En ? "unknown occupation" : "pekerjaan tidak dikenali",
        FindingCode.AgreementUnknown => l == Language.En ? "agreement not registered" : "nomor PKS belum terdaftar",
        FindingCode.PeriodOutsideAgreement => l == Language.En ? "period outside the agreement" : "periode di luar masa perjanjian",
        FindingCode.PeriodInvalid => l == Language.En ? "end before start" : "tanggal selesai sebelum mulai",
        FindingCode.DuplicateInFile => l == Language.En ? "duplicate in the file" : "ganda dalam berkas",
        FindingCode.DuplicateCoverage => l == Language.En ? "already covered elsewhere" : "sudah terlindungi di perjanjian lain",
        FindingCode.CellTooLong => l == Language.En ? "cell text too long" : "teks sel terlalu panjang",
        FindingCode.NppFormat => l == Language.En ? "NPP not 8 digits" : "NPP tidak 8 angka",
        FindingCode.DateInFuture => l == Language.En ? "date after the data date" : "tanggal setelah tanggal data",
        FindingCode.FollowupUnknown => l == Language.En ? "unknown follow-up status" : "status tindak lanjut tidak dikenali",
        ValueCodes.GenderFormat => l == Language.En ? "unknown gender" : "jenis kelamin tidak dikenali",
        ValueCodes.SegmentUnknown => l == Language.En ? "unknown segment" : "segmen tidak dikenali",
        _ => code,
    };

    public static string UploadStatus(string status, Language l) => status switch
    {
        Uploads.UploadStatus.Received => l == Language.En ? "received" : "diterima",
        Uploads.UploadStatus.Validating => l == Language.En ? "being checked" : "sedang diperiksa",
        Uploads.UploadStatus.Completed => l == Language.En ? "completed" : "selesai",
        Uploads.UploadStatus.CompletedWithErrors => l == Language.En ? "completed with rejected rows" : "selesai, ada baris ditolak",
        Uploads.UploadStatus.Rejected => l == Language.En ? "rejected" : "ditolak",
        Uploads.UploadStatus.Failed => l == Language.En ? "failed (our side)" : "gagal (sisi sistem)",
        Uploads.UploadStatus.Duplicate => l == Language.En ? "duplicate: same content as an earlier upload" : "duplikat: isi sama dengan unggahan sebelumnya",
        _ => status,
    };
}
