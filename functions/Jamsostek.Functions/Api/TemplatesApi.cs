using Jamsostek.Core.Exports;
using Jamsostek.Core.Templates;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/templates/peserta, /api/templates/perjanjian and /api/templates/kepatuhan (function GetTemplate, no key:
/// nothing in them is private): an empty sheet with the accepted headers and one example row, as XLSX.
/// </summary>
public static class TemplatesApi
{
    internal static async Task<IResult> GetAsync(string kind, HttpContext context, CancellationToken cancellationToken)
    {
        var (template, example) = kind switch
        {
            "peserta" => (SheetTemplate.Enrolments, EnrolmentExample),
            "perjanjian" => (SheetTemplate.Agreements, AgreementExample),
            "kepatuhan" => (SheetTemplate.Compliance, ComplianceExample),
            _ => (null, null),
        };
        if (template is null || example is null)
        {
            return Access.ApiProblems.NotFound(Access.ApiProblems.LanguageOf(context), $"Template {kind}");
        }
        var fields = template.Fields.Where(f => example.ContainsKey(f.Name)).ToList();
        context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"template-{kind}.xlsx\"";
        var sheetName = kind switch
        {
            "peserta" => "Daftar Peserta",
            "kepatuhan" => "Kepatuhan",
            _ => "Perjanjian",
        };
        await using var writer = new XlsxTableWriter(context.Response.Body, sheetName);
        writer.WriteHeader([.. fields.Select(f => f.Header)]);
        await writer.WriteRowAsync([.. fields.Select(f => TableCell.From(example[f.Name]))], cancellationToken);
        await writer.CompleteAsync(cancellationToken);
        return TypedResults.Empty;
    }

    // One worker, one agreement and one employer as an office would type them; the example NIK is valid (a man born 12 March 1990).
    private static readonly Dictionary<string, object?> EnrolmentExample = new()
    {
        [FieldNames.Nik] = "5204011203900001", [FieldNames.FullName] = "Budi Santoso", [FieldNames.BirthPlace] = "Sumbawa Besar",
        [FieldNames.BirthDate] = new DateOnly(1990, 3, 12), [FieldNames.Gender] = "L", [FieldNames.Address] = "Jl. Garuda No. 5",
        [FieldNames.Village] = "Seketeng", [FieldNames.District] = "Sumbawa", [FieldNames.Phone] = "0812-3456-7890",
        [FieldNames.Occupation] = "Petani", [FieldNames.Segment] = "Pekerja Rentan", [FieldNames.AgreementNo] = "PKS/045/BPJSTK-SBW/III/2026",
        [FieldNames.CoverageStart] = new DateOnly(2026, 3, 1), [FieldNames.CoverageEnd] = new DateOnly(2027, 2, 28),
        [FieldNames.MonthlyIncomeIdr] = 1_500_000L, [FieldNames.Programs] = "JKK, JKM", [FieldNames.Kpj] = null,
    };

    private static readonly Dictionary<string, object?> AgreementExample = new()
    {
        [FieldNames.AgreementNo] = "PKS/045/BPJSTK-SBW/III/2026", [FieldNames.AgreementType] = "PKS", [FieldNames.RegionCode] = "5204",
        [FieldNames.RegionName] = "Kabupaten Sumbawa", [FieldNames.BranchOffice] = "Sumbawa", [FieldNames.SignedOn] = new DateOnly(2026, 2, 20),
        [FieldNames.CoverageStart] = new DateOnly(2026, 3, 1), [FieldNames.CoverageEnd] = new DateOnly(2027, 2, 28),
        [FieldNames.FundingSource] = "APBD", [FieldNames.BudgetIdr] = 1_500_000_000L, [FieldNames.TargetParticipants] = 5_600L,
        [FieldNames.TargetNonAsn] = null, [FieldNames.TargetVulnerable] = 5_600L, [FieldNames.Programs] = "JKK, JKM",
        [FieldNames.MonthlyContributionIdr] = 16_800L, [FieldNames.LegalBasis] = "Perbup No. 33 Tahun 2024",
    };

    // An employer three months behind on 20 reported workers (3 x 20 x Rp 180.000), after its first warning letter.
    // Without a "Tanggal Data" line above the header the upload's date is the snapshot's.
    private static readonly Dictionary<string, object?> ComplianceExample = new()
    {
        [FieldNames.Npp] = "12.345.678", [FieldNames.CompanyName] = "CV Sinar Jaya Sumbawa", [FieldNames.Sector] = "Perdagangan",
        [FieldNames.District] = "Sumbawa", [FieldNames.RegisteredWorkers] = 25L, [FieldNames.ReportedWorkers] = 20L,
        [FieldNames.ArrearsMonths] = 3L, [FieldNames.ArrearsIdr] = 10_800_000L, [FieldNames.LastPaidOn] = new DateOnly(2026, 8, 14),
        [FieldNames.FollowupStatus] = "Surat Teguran 1", [FieldNames.FollowupOn] = new DateOnly(2026, 10, 5),
        [FieldNames.Note] = "Dikunjungi petugas pemeriksa",
    };
}
