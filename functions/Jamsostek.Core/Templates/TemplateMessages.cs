using System.Text;

namespace Jamsostek.Core.Templates;

/// <summary>
/// Every message header detection gives, in one place for review. Written for the office clerk who fixes the
/// sheet: what is wrong, where, and what to do. Bahasa Indonesia first, English on request.
/// </summary>
internal static class TemplateMessages
{
    public static string MissingColumn(Language language, string column, int headerRow, IEnumerable<string> accepted) =>
        language switch
        {
            Language.En =>
                $"Required column \"{column}\" was not found in the header row (row {headerRow}). " +
                $"Add a column with one of these headings: {string.Join(", ", accepted)}.",
            _ =>
                $"Kolom wajib \"{column}\" tidak ditemukan di baris judul (baris {headerRow}). " +
                $"Tambahkan kolom dengan salah satu judul: {string.Join(", ", accepted)}.",
        };

    public static string DuplicateColumn(
        Language language, string column, string firstCell, string firstHeader, string secondCell, string secondHeader) =>
        language switch
        {
            Language.En =>
                $"The column \"{column}\" appears twice in the header row: cell {firstCell} (\"{Display(firstHeader)}\") " +
                $"and cell {secondCell} (\"{Display(secondHeader)}\"). Delete one of them or give it another heading, " +
                $"so that there is only one \"{column}\" column.",
            _ =>
                $"Kolom \"{column}\" muncul dua kali di baris judul: sel {firstCell} (\"{Display(firstHeader)}\") " +
                $"dan sel {secondCell} (\"{Display(secondHeader)}\"). Hapus salah satu atau ganti judulnya, " +
                $"agar hanya ada satu kolom \"{column}\".",
        };

    public static string HeaderNotFound(Language language, int rowsScanned) =>
        language switch
        {
            Language.En =>
                $"No header row was found in the first {rowsScanned} rows. A participant list needs a row of " +
                "column headings such as NIK, Nama, Tanggal Lahir; an agreement list (PKS/MoU) one such as " +
                "Nomor PKS, Jenis, Mulai Berlaku, Berakhir. Write the headings in a single row above the data.",
            _ =>
                $"Baris judul kolom tidak ditemukan di {rowsScanned} baris pertama. Daftar peserta memerlukan satu " +
                "baris judul kolom seperti NIK, Nama, Tanggal Lahir; daftar perjanjian (PKS/MoU) seperti " +
                "Nomor PKS, Jenis, Mulai Berlaku, Berakhir. Tulis judul kolom dalam satu baris di atas data.",
        };

    // Header cells may hold line breaks and runs of spaces; a message quotes them on one line.
    private static string Display(string header)
    {
        var text = new StringBuilder(header.Length);
        var space = false;
        foreach (var c in header.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                text.Append(' ');
                space = false;
            }
            text.Append(c);
        }
        return text.ToString();
    }
}
