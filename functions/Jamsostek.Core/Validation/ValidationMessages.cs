using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Validation;

/// <summary>
/// Every row-level message, in one place for review: what is wrong, and what the clerk should do about it.
/// Bahasa Indonesia by default, English on request. Values quoted here are the office's own cells (NIKs masked).
/// </summary>
public static class ValidationMessages
{
    public static string Required(Language l, string column) => l == Language.En
        ? $"\"{column}\" is required. Fill it in and upload the row again."
        : $"Kolom \"{column}\" wajib diisi. Lengkapi lalu unggah ulang baris ini.";

    public static string AgreementNotChosen(Language l, string region, int candidates, DateOnly start, DateOnly end) => (l, candidates) switch
    {
        (Language.En, 0) => $"Agreement number is required: region {region} has no PKS in force from {UserFormat.Date(start, l)} to {UserFormat.Date(end, l)}. Upload the agreements sheet first, or fill in the agreement number.",
        (Language.En, _) => $"Agreement number is required: region {region} has {candidates} PKS in force for this period, so the row cannot be assigned to one. Fill in the agreement number.",
        (_, 0) => $"Nomor PKS wajib diisi: wilayah {region} tidak memiliki PKS yang berlaku {UserFormat.Date(start, l)} s.d. {UserFormat.Date(end, l)}. Unggah daftar perjanjian lebih dulu, atau isi Nomor PKS.",
        _ => $"Nomor PKS wajib diisi: wilayah {region} memiliki {candidates} PKS yang berlaku pada periode ini, sehingga baris tidak dapat dikaitkan otomatis. Isi Nomor PKS.",
    };

    public static string NikFormat(Language l, string masked) => l == Language.En
        ? $"NIK {masked} is not valid: a NIK has exactly 16 digits, no letters or punctuation. Check it against the KTP."
        : $"NIK {masked} tidak valid: NIK terdiri dari tepat 16 angka, tanpa huruf atau tanda baca. Periksa kembali sesuai KTP.";

    public static string NikPrecisionLost(Language l) => l == Language.En
        ? "The NIK was stored as a number, so Excel dropped its last digit (Excel keeps 15 digits). Format the NIK column as Text, retype the NIK and upload again."
        : "NIK tersimpan sebagai angka sehingga digit terakhirnya hilang (Excel hanya menyimpan 15 digit). Ubah format kolom NIK menjadi Teks, ketik ulang NIK, lalu unggah kembali.";

    public static string NikBirthDate(Language l, string masked) => l == Language.En
        ? $"Digits 7-12 of NIK {masked} are not a valid birth date (DDMMYY, with 40 added to the day for women). Check the NIK against the KTP."
        : $"Digit ke-7 sampai ke-12 NIK {masked} bukan tanggal lahir yang sah (DDMMYY; untuk perempuan tanggal ditambah 40). Periksa NIK sesuai KTP.";

    public static string NikGenderMismatch(Language l, bool columnSaysFemale) => (l, columnSaysFemale) switch
    {
        (Language.En, true) => "The gender column says female (P), but the NIK is a man's (day of birth not increased by 40). Correct the NIK or the gender.",
        (Language.En, false) => "The gender column says male (L), but the NIK is a woman's (day of birth increased by 40). Correct the NIK or the gender.",
        (_, true) => "Jenis kelamin tertulis perempuan (P), tetapi NIK ini milik laki-laki (tanggal lahir pada NIK tidak ditambah 40). Perbaiki NIK atau jenis kelamin.",
        _ => "Jenis kelamin tertulis laki-laki (L), tetapi NIK ini milik perempuan (tanggal lahir pada NIK ditambah 40). Perbaiki NIK atau jenis kelamin.",
    };

    public static string CellTooLong(Language l, string column, string? length) => l == Language.En
        ? $"\"{column}\" holds {length ?? "more than 32,767"} characters; a cell holds at most 32,767. Shorten the text and upload the row again."
        : $"Kolom \"{column}\" berisi {length ?? "lebih dari 32.767"} karakter; satu sel paling banyak 32.767 karakter. Persingkat teksnya lalu unggah kembali baris ini.";

    public static string DateFormat(Language l, string column, string text) => l == Language.En
        ? $"\"{text}\" in \"{column}\" is not a date. Write it like 28/10/2025 or 28 Oktober 2025."
        : $"\"{text}\" pada kolom \"{column}\" bukan tanggal yang sah. Tulis seperti 28/10/2025 atau 28 Oktober 2025.";

    public static string AmountFormat(Language l, string column, string text) => l == Language.En
        ? $"\"{text}\" in \"{column}\" is not a number. Write it like 1.500.000, Rp 1.500.000 or 1,5 juta."
        : $"\"{text}\" pada kolom \"{column}\" bukan angka yang sah. Tulis seperti 1.500.000, Rp 1.500.000 atau 1,5 juta.";

    public static string OccupationUnknown(Language l, string text, string? suggestion) => (l, suggestion) switch
    {
        (Language.En, null) => $"Occupation \"{text}\" is not known. Use one of: {string.Join(", ", Occupation.Categories)}.",
        (Language.En, _) => $"Occupation \"{text}\" is not known. Did you mean \"{suggestion}\"?",
        (_, null) => $"Pekerjaan \"{text}\" tidak dikenali. Gunakan salah satu: {string.Join(", ", Occupation.Categories)}.",
        _ => $"Pekerjaan \"{text}\" tidak dikenali. Mungkin maksudnya \"{suggestion}\"?",
    };

    public static string ValueUnknown(Language l, string column, string text, string accepted) => l == Language.En
        ? $"\"{text}\" in \"{column}\" is not recognised. Use {accepted}."
        : $"\"{text}\" pada kolom \"{column}\" tidak dikenali. Isi dengan {accepted}.";

    public static string AgreementUnknown(Language l, string agreementNo, string region) => l == Language.En
        ? $"Agreement \"{agreementNo}\" is not registered for region {region}. Upload the agreements sheet first, then upload these rows again."
        : $"Nomor PKS \"{agreementNo}\" belum terdaftar untuk wilayah {region}. Unggah daftar perjanjian lebih dulu, lalu unggah ulang baris ini.";

    public static string PeriodOutsideAgreement(Language l, DateOnly start, DateOnly end, Agreement agreement) => l == Language.En
        ? $"Coverage {UserFormat.Date(start, l)} - {UserFormat.Date(end, l)} falls outside agreement {agreement.AgreementNo} ({Period(agreement, l)})."
        : $"Periode kepesertaan {UserFormat.Date(start, l)} s.d. {UserFormat.Date(end, l)} di luar masa berlaku {agreement.AgreementNo} ({Period(agreement, l)}).";

    public static string PeriodInvalid(Language l, DateOnly start, DateOnly end) => l == Language.En
        ? $"The end date {UserFormat.Date(end, l)} is before the start date {UserFormat.Date(start, l)}."
        : $"Tanggal selesai {UserFormat.Date(end, l)} lebih awal dari tanggal mulai {UserFormat.Date(start, l)}.";

    public static string DuplicateInFile(Language l, string what, int firstRow) => l == Language.En
        ? $"The same {what} is already on row {firstRow}; this row is not stored (row {firstRow} is kept). Remove the repeated row."
        : $"{what} yang sama sudah ada di baris {firstRow}; baris ini tidak disimpan (baris {firstRow} yang dipakai). Hapus baris ganda.";

    public static string DuplicateCoverage(Language l, CoverageRecord earlier) => l == Language.En
        ? $"This NIK is already covered from {UserFormat.Date(earlier.CoverageStart, l)} to {UserFormat.Date(earlier.CoverageEnd, l)} under agreement {earlier.AgreementNo} of region {earlier.Region}, which overlaps this period. A worker cannot be enrolled twice for the same period."
        : $"NIK ini sudah terlindungi {UserFormat.Date(earlier.CoverageStart, l)} s.d. {UserFormat.Date(earlier.CoverageEnd, l)} melalui {earlier.AgreementNo} wilayah {earlier.Region}, yang tumpang tindih dengan periode ini. Seorang pekerja tidak dapat didaftarkan dua kali untuk periode yang sama.";

    public static string NikBirthDateMismatch(Language l, DateOnly column, DateOnly fromNik) => l == Language.En
        ? $"The birth date {UserFormat.Date(column, l)} differs from the date in the NIK ({UserFormat.Date(fromNik, l)}). The row is stored; check one of them."
        : $"Tanggal lahir {UserFormat.Date(column, l)} berbeda dengan tanggal pada NIK ({UserFormat.Date(fromNik, l)}). Baris tetap disimpan; periksa salah satunya.";

    public static string NikRegion(Language l, string nikProvince, string province) => l == Language.En
        ? $"The NIK was issued in province {nikProvince}, not in this agreement's province {province}. The row is stored (people move); check the NIK if this is unexpected."
        : $"NIK diterbitkan di provinsi {nikProvince}, bukan provinsi wilayah perjanjian ({province}). Baris tetap disimpan (penduduk bisa pindah); periksa NIK bila tidak semestinya.";

    public static string AgeRange(Language l, int age) => l == Language.En
        ? $"The worker is {age} at the start of coverage, outside 15-65. The row is stored; check the birth date."
        : $"Usia peserta {age} tahun pada awal kepesertaan, di luar rentang 15-65 tahun. Baris tetap disimpan; periksa tanggal lahir.";

    public static string PhoneFormat(Language l, string text) => l == Language.En
        ? $"\"{text}\" is not an Indonesian mobile number (like 0812-3456-7890). The row is stored without the phone number."
        : $"\"{text}\" bukan nomor HP Indonesia yang sah (contoh 0812-3456-7890). Baris tetap disimpan tanpa nomor HP.";

    public static string KpjFormat(Language l, string text) => l == Language.En
        ? $"KPJ number \"{text}\" is not 11 digits. The row is stored without it."
        : $"No KPJ \"{text}\" bukan 11 angka. Baris tetap disimpan tanpa No KPJ.";

    public static string QuotaExceeded(Language l, string agreementNo, long participants, long target) => l == Language.En
        ? $"Agreement {agreementNo} now has {UserFormat.Number(participants, l)} participants, more than its target of {UserFormat.Number(target, l)}."
        : $"Peserta {agreementNo} kini {UserFormat.Number(participants, l)} orang, melebihi target {UserFormat.Number(target, l)} orang.";

    public static string AgreementDates(Language l, DateOnly signed, DateOnly start) => l == Language.En
        ? $"Signed on {UserFormat.Date(signed, l)}, after coverage starts on {UserFormat.Date(start, l)}. The row is stored; check the dates."
        : $"Tanggal penandatanganan {UserFormat.Date(signed, l)} setelah tanggal mulai berlaku {UserFormat.Date(start, l)}. Baris tetap disimpan; periksa tanggalnya.";

    public static string BudgetShortfall(Language l, BudgetCheck check) => l == Language.En
        ? $"The budget {UserFormat.Rupiah(check.Budget, l)} is short of the contributions needed, {UserFormat.Rupiah(check.Needed, l)} ({check.Explain(l)}), by {UserFormat.Rupiah(check.Needed - check.Budget, l)}."
        : $"Anggaran {UserFormat.Rupiah(check.Budget, l)} kurang dari kebutuhan iuran {UserFormat.Rupiah(check.Needed, l)} ({check.Explain(l)}); kekurangan {UserFormat.Rupiah(check.Needed - check.Budget, l)}.";

    public static string NppFormat(Language l, string text) => l == Language.En
        ? $"NPP \"{text}\" is not valid: an NPP (the employer's BPJS Ketenagakerjaan registration number) has exactly 8 digits. If Excel dropped a leading zero, format the column as Text and retype it."
        : $"NPP \"{text}\" tidak valid: NPP (Nomor Pendaftaran Perusahaan di BPJS Ketenagakerjaan) terdiri dari tepat 8 angka. Bila angka 0 di depan hilang, ubah format kolom menjadi Teks lalu ketik ulang.";

    public static string DateInFuture(Language l, string column, DateOnly date, DateOnly snapshot) => l == Language.En
        ? $"\"{column}\" is {UserFormat.Date(date, l)}, after the data date {UserFormat.Date(snapshot, l)}. Correct the date (or the \"Tanggal Data\" above the header)."
        : $"Kolom \"{column}\" berisi {UserFormat.Date(date, l)}, setelah tanggal data {UserFormat.Date(snapshot, l)}. Perbaiki tanggalnya (atau \"Tanggal Data\" di atas judul kolom).";

    public static string ArrearsInconsistent(Language l, int months, DateOnly lastPaid, DateOnly snapshot, int wholeMonths) => l == Language.En
        ? $"{months} months in arrears, but the last payment on {UserFormat.Date(lastPaid, l)} is {wholeMonths} whole months before {UserFormat.Date(snapshot, l)}. The row is stored; check one of them."
        : $"Tertulis menunggak {months} bulan, tetapi pembayaran terakhir {UserFormat.Date(lastPaid, l)} berjarak {wholeMonths} bulan penuh dari {UserFormat.Date(snapshot, l)}. Baris tetap disimpan; periksa salah satunya.";

    public static string ArrearsZeroAmount(Language l, int months) => l == Language.En
        ? $"{months} months in arrears but no amount owed. The row is stored; fill in the amount of arrears."
        : $"Menunggak {months} bulan tetapi jumlah tunggakan kosong atau nol. Baris tetap disimpan; isi jumlah tunggakannya.";

    private static string Period(Agreement agreement, Language l) =>
        $"{UserFormat.Date(agreement.CoverageStart!.Value, l)} {(l == Language.En ? "-" : "s.d.")} {UserFormat.Date(agreement.CoverageEnd!.Value, l)}";
}
