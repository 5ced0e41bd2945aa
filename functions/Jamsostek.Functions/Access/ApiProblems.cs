using Jamsostek.Core.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Access;

/// <summary>
/// RFC 7807 problem details for the API, in Bahasa Indonesia, or English with <c>lang=en</c>. Each says what
/// went wrong and what to do; none repeats a key or personal data.
/// </summary>
public static class ApiProblems
{
    public static Language LanguageOf(HttpContext context) =>
        string.Equals(context.Request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Id;

    public static ProblemHttpResult Unauthorized(Language language) => Problem(StatusCodes.Status401Unauthorized,
        language == Language.En ? "Access key required" : "Kunci akses diperlukan",
        language == Language.En
            ? "Send a valid access key in the x-functions-key header or the code query parameter. The key given is missing, unknown or revoked."
            : "Sertakan kunci akses yang sah di header x-functions-key atau parameter code. Kunci tidak ada, tidak dikenal, atau sudah dicabut.");

    public static ProblemHttpResult RegionForbidden(Language language, string region) => Problem(StatusCodes.Status403Forbidden,
        language == Language.En ? "Region not covered by this key" : "Wilayah di luar cakupan kunci ini",
        language == Language.En
            ? $"This key does not give access to region {region}. Ask the operator for a key that covers it."
            : $"Kunci ini tidak memberi akses ke wilayah {region}. Mintalah kunci untuk wilayah tersebut kepada operator.");

    public static ProblemHttpResult PiiForbidden(Language language) => Problem(StatusCodes.Status403Forbidden,
        language == Language.En ? "Personal data not allowed for this key" : "Kunci ini tidak berizin data pribadi",
        language == Language.En
            ? "This file holds full NIKs as the office typed them; only a key with personal-data permission may download it."
            : "Berkas ini memuat NIK lengkap seperti yang diketik kantor; hanya kunci berizin data pribadi yang dapat mengunduhnya.");

    public static ProblemHttpResult UploadForbidden(Language language) => Problem(StatusCodes.Status403Forbidden,
        language == Language.En ? "Uploading not allowed for this key" : "Kunci ini tidak berizin mengunggah",
        language == Language.En
            ? "This key may read reports but not upload sheets. Ask the operator for a key with upload permission for your office."
            : "Kunci ini hanya untuk membaca laporan, tidak untuk mengunggah lembar kerja. Mintalah kunci berizin unggah untuk kantor Anda kepada operator.");

    public static ProblemHttpResult NotFound(Language language, string what) => Problem(StatusCodes.Status404NotFound,
        language == Language.En ? "Not found" : "Tidak ditemukan",
        language == Language.En ? $"{what} does not exist." : $"{what} tidak ada.");

    /// <summary>404 from the compliance report: nothing to compare until the branch's sheet has been uploaded.</summary>
    public static ProblemHttpResult NoComplianceSheet(Language language, string? region, DateOnly? asOf)
    {
        var where = region is null
            ? language == Language.En ? "any region this key covers" : "wilayah mana pun yang dicakup kunci ini"
            : language == Language.En ? $"region {region}" : $"wilayah {region}";
        var when = asOf is { } date ? (language == Language.En ? $" with a data date on or before {date:yyyy-MM-dd}" : $" dengan Tanggal Data sampai {date:yyyy-MM-dd}") : "";
        return Problem(StatusCodes.Status404NotFound,
            language == Language.En ? "No compliance sheet yet" : "Belum ada data kepatuhan",
            language == Language.En
                ? $"No employer compliance sheet (Kepatuhan Badan Usaha) has been uploaded for {where}{when}. Upload the sheet shared by the BPJS Ketenagakerjaan branch office; the report appears once it is validated."
                : $"Belum ada lembar Kepatuhan Badan Usaha yang diunggah untuk {where}{when}. Unggah lembar dari kantor cabang BPJS Ketenagakerjaan; laporan tersedia setelah lembar itu selesai diperiksa.");
    }

    public static ProblemHttpResult NotReady(Language language, string status) => Problem(StatusCodes.Status409Conflict,
        language == Language.En ? "Upload not finished" : "Unggahan belum selesai",
        language == Language.En
            ? $"The upload is {status}; its findings are ready once it is completed. Try again in a moment."
            : $"Unggahan berstatus {status}; temuan tersedia setelah selesai diperiksa. Coba lagi sebentar lagi.");

    /// <summary>404 from the findings of a duplicate: nothing was checked for it; the upload holding its content has them.</summary>
    public static ProblemHttpResult DuplicateHasNoFindings(Language language, string holderId, string holderFile) => Problem(StatusCodes.Status404NotFound,
        language == Language.En ? "Duplicate upload: no findings of its own" : "Unggahan duplikat: tidak ada temuan sendiri",
        language == Language.En
            ? $"This file has the same content as {holderFile} (upload {holderId}), so it was not checked again. Its findings are those of that upload: /api/uploads/{holderId}/findings."
            : $"Isi berkas ini sama dengan {holderFile} (unggahan {holderId}), sehingga tidak diperiksa lagi. Temuannya adalah temuan unggahan itu: /api/uploads/{holderId}/findings.");

    public static ProblemHttpResult BadParameter(Language language, string parameter, string expected) => Problem(StatusCodes.Status400BadRequest,
        language == Language.En ? "Invalid parameter" : "Parameter tidak valid",
        language == Language.En ? $"Parameter {parameter}: expected {expected}." : $"Parameter {parameter}: seharusnya {expected}.");

    public static ProblemHttpResult MethodNotAllowed(Language language, string method) => Problem(StatusCodes.Status405MethodNotAllowed,
        language == Language.En ? "Method not allowed" : "Metode tidak diizinkan",
        language == Language.En ? $"{method} is not answered on this path." : $"{method} tidak dilayani pada alamat ini.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");
}
