using System.Globalization;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// What an office clerk reads when a file is rejected: what is wrong and what to do, in Bahasa Indonesia
/// (English on request). Kept together so they can be reviewed as a whole.
/// </summary>
public static class FileMessages
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The message for a rejection: its own findings' messages when it has them, else one made from its code.</summary>
    public static string For(UploadRejectedException rejection, Language language) =>
        rejection.Findings.Count > 0
            ? string.Join(" ", rejection.FindingsIn(language).Select(f => f.Message))
            : For(rejection.Code, rejection.Arguments, language);

    public static string DataDateUnusable(Language language, DataDate found, DateOnly? today) => (found.Date, language) switch
    {
        (null, Language.En) => $"\"{found.Text}\" in {found.Cell} is not a date, so the date of this data is unknown. Write it like \"Tanggal Data: 30 November 2026\" and upload again.",
        (null, _) => $"\"{found.Text}\" pada sel {found.Cell} bukan tanggal, sehingga tanggal data ini tidak diketahui. Tulis seperti \"Tanggal Data: 30 November 2026\" lalu unggah kembali.",
        ({ } date, Language.En) => $"The data date {Text.UserFormat.Date(date, language)} in {found.Cell} is after today{(today is { } t ? $" ({Text.UserFormat.Date(t, language)})" : "")}. Correct it and upload again.",
        ({ } date, _) => $"Tanggal data {Text.UserFormat.Date(date, language)} pada sel {found.Cell} setelah hari ini{(today is { } t ? $" ({Text.UserFormat.Date(t, language)})" : "")}. Perbaiki lalu unggah kembali.",
    };

    public static string For(string code, IReadOnlyList<object> arguments, Language language) => (code, language) switch
    {
        (FindingCode.FileEmpty, Language.Id) => "Berkas kosong: tidak ada baris data di bawah baris judul kolom. Isi data peserta atau perjanjian lalu unggah kembali.",
        (FindingCode.FileEmpty, _) => "The file is empty: there are no data rows below the header. Fill in the rows and upload again.",
        (FindingCode.FileTooLarge, _) when arguments is [StagedTextBudget budget] => TooMuchText(budget, language),
        (FindingCode.FileTooLarge, Language.Id) => $"Berkas terlalu besar ({Megabytes(arguments, 0, language)}). Batasnya 50 MB, atau 500 MB setelah dibuka (isi .xlsx yang dipadatkan). Bagi data menjadi beberapa berkas lalu unggah satu per satu.",
        (FindingCode.FileTooLarge, _) => $"The file is too large ({Megabytes(arguments, 0, language)}). The limit is 50 MB, or 500 MB once unpacked (an .xlsx is compressed). Split the data into several files and upload them one by one.",
        (FindingCode.FileEncrypted, Language.Id) => "Berkas dilindungi kata sandi sehingga tidak dapat dibaca. Buka di Excel, hapus kata sandi (File > Info > Protect Workbook), simpan, lalu unggah kembali.",
        (FindingCode.FileEncrypted, _) => "The file is password-protected and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook), save and upload again.",
        (FindingCode.FileType, Language.Id) => $"Berkas ini {Describe(arguments, language)}, bukan lembar kerja. Unggah berkas .xlsx, .xls, atau .csv.",
        (FindingCode.FileType, _) => $"This file is {Describe(arguments, language)}, not a spreadsheet. Upload an .xlsx, .xls or .csv file.",
        (FindingCode.FileUnreadable, Language.Id) when arguments is [ReadTimeExceeded slow] =>
            $"Berkas terlalu lama dibaca (lebih dari {slow.Limit.TotalMinutes:0} menit, sampai baris {slow.RowNumber}); kemungkinan berkas rusak. Buka dan simpan ulang di Excel (Simpan Sebagai .xlsx), atau bagi menjadi beberapa berkas, lalu unggah kembali.",
        (FindingCode.FileUnreadable, _) when arguments is [ReadTimeExceeded slow] =>
            $"The file took too long to read (more than {slow.Limit.TotalMinutes:0} minutes, up to row {slow.RowNumber}); it is probably damaged. Open it in Excel and save it again (Save As .xlsx), or split it into several files, and upload again.",
        (FindingCode.FileUnreadable, Language.Id) => ColumnLimit(arguments) is { } columns
            ? $"Lembar kerja memiliki {columns} kolom; paling banyak 1.000 kolom. Hapus kolom yang tidak dipakai lalu unggah kembali."
            : "Berkas rusak atau tidak lengkap sehingga tidak dapat dibaca. Buka dan simpan ulang di Excel (Simpan Sebagai .xlsx), lalu unggah kembali.",
        (FindingCode.FileUnreadable, _) => ColumnLimit(arguments) is { } columns
            ? $"The sheet has {columns} columns; at most 1,000 are accepted. Delete unused columns and upload again."
            : "The file is damaged or incomplete and cannot be read. Open it in Excel, save it again (Save As .xlsx) and upload again.",
        (FindingCode.RegionMismatch, Language.Id) => $"Folder unggahan \"{Argument(arguments, 0)}\" bukan kode wilayah 4 angka (misalnya 5204 untuk Sumbawa). Unggah ke uploads/{{kode wilayah}}/{{nama berkas}}.",
        (FindingCode.RegionMismatch, _) => $"The upload folder \"{Argument(arguments, 0)}\" is not a 4-digit region code (such as 5204 for Sumbawa). Upload to uploads/{{region code}}/{{file name}}.",
        _ => code,
    };

    public static string RegionMismatch(Language language, string written, string region, string cell) => language == Language.Id
        ? $"Kode wilayah {written} di sel {cell} berbeda dengan wilayah folder unggahan ({region}). Unggah berkas ke folder wilayahnya sendiri, atau perbaiki kode wilayah."
        : $"Region code {written} in cell {cell} differs from the upload folder's region ({region}). Upload the file to its own region's folder, or correct the region code.";

    private static string TooMuchText(StagedTextBudget budget, Language language)
    {
        var limit = (budget.LimitBytes / 1_048_576).ToString("N0", language == Language.Id ? Indonesian : CultureInfo.InvariantCulture);
        var row = budget.RowNumber.ToString(CultureInfo.InvariantCulture);
        return (budget.Over, language) switch
        {
            (StagedTextBudget.Scope.Row, Language.Id) =>
                $"Baris {row} berisi terlalu banyak teks (lebih dari {limit} MB dalam satu baris). Periksa sel yang sangat panjang di baris itu, misalnya teks yang tertempel berulang kali, perbaiki, lalu unggah kembali.",
            (StagedTextBudget.Scope.Row, _) =>
                $"Row {row} holds too much text (more than {limit} MB in one row). Look for very long cells in that row, such as text pasted many times, correct them and upload again.",
            (StagedTextBudget.Scope.Chunk, Language.Id) =>
                $"Baris-baris sampai baris {row} berisi terlalu banyak teks (lebih dari {limit} MB per 1.000 baris). Sel-selnya berisi teks yang sangat panjang atau berulang; hapus teks itu lalu unggah kembali.",
            (StagedTextBudget.Scope.Chunk, _) =>
                $"The rows up to row {row} hold too much text (more than {limit} MB per 1,000 rows). Their cells hold very long or repeated text; delete it and upload again.",
            (_, Language.Id) =>
                $"Berkas berisi terlalu banyak teks setelah dibaca (lebih dari {limit} MB sampai baris {row}). Bagi data menjadi beberapa berkas lalu unggah satu per satu.",
            _ =>
                $"The file holds too much text once read (more than {limit} MB by row {row}). Split the data into several files and upload them one by one.",
        };
    }

    // Rounded up, so that a file just over the limit does not read as "50 MB" beside "the limit is 50 MB".
    private static string Megabytes(IReadOnlyList<object> arguments, int index, Language language) =>
        arguments.Count > index && arguments[index] is long bytes
            ? (Math.Ceiling(bytes / 104_857.6) / 10).ToString("0.#", language == Language.Id ? Indonesian : CultureInfo.InvariantCulture) + " MB"
            : language == Language.Id ? "lebih dari batas" : "over the limit";

    private static string Describe(IReadOnlyList<object> arguments, Language language) => Argument(arguments, 0) switch
    {
        "PDF" => language == Language.Id ? "dokumen PDF" : "a PDF document",
        "zip" => language == Language.Id ? "arsip zip" : "a zip archive",
        { Length: > 0 } other when other.Contains("image", StringComparison.Ordinal) => language == Language.Id ? "gambar" : "an image",
        { Length: > 0 } other => other,
        _ => language == Language.Id ? "berkas biner" : "a binary file",
    };

    private static int? ColumnLimit(IReadOnlyList<object> arguments) => arguments.Count == 2 && arguments[0] is int columns ? columns : null;

    private static string Argument(IReadOnlyList<object> arguments, int index) =>
        arguments.Count > index ? Convert.ToString(arguments[index], CultureInfo.InvariantCulture) ?? "" : "";
}
