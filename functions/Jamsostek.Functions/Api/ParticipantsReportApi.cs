using System.Runtime.CompilerServices;
using Jamsostek.Core.Exports;
using Jamsostek.Core.Values;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.Api;

/// <summary>
/// GET /api/reports/participants: the participant list, streamed straight from the participants table to the
/// response (one partition page at a time). Unless the key carries personal-data permission, every personal field is
/// withheld (<see cref="PersonalData"/>): NIK masked (<c>5204********0001</c>), name as initials, no birth date, birth
/// place, address, phone or KPJ.
/// </summary>
public static class ParticipantsReportApi
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "nik", "full_name", "gender", "birth_place", "birth_date", "address", "village", "district", "phone", "occupation", "segment",
        "region", "agreement_no", "coverage_start", "coverage_end", "programs", "kpj", "monthly_income_idr",
    ];

    internal static async Task<IResult> GetAsync(HttpContext context, ParticipantStore participants, AgreementStore agreements,
        ILogger<ParticipantStore> logger, CancellationToken cancellationToken)
    {
        var access = AccessKeyMiddleware.Of(context);
        var formatProblem = ApiQuery.Format(context, out var format);
        var regionProblem = ApiQuery.Region(context, access, logger, out var region);
        var dateProblem = ApiQuery.Date(context, "asOf", out var asOf);
        if ((formatProblem ?? regionProblem ?? dateProblem) is { } problem)
        {
            return problem;
        }
        var agreementNo = context.Request.Query["agreement"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(agreementNo) && region is null)
        {
            var language = ApiProblems.LanguageOf(context);
            return ApiProblems.BadParameter(language, "region", language == Core.Templates.Language.En ? "the agreement's region with agreement=" : "wilayah perjanjian bersama agreement=");
        }
        var regions = region is not null
            ? [region]
            : (await agreements.ListAsync(null, cancellationToken)).Select(a => a.PartitionKey).Distinct(StringComparer.Ordinal)
                .Where(access.CanSee).Order(StringComparer.Ordinal).ToList();
        var rows = Rows(participants, regions, string.IsNullOrWhiteSpace(agreementNo) ? null : agreementNo, asOf, access.Pii, cancellationToken);
        await TableExport.WriteAsync(context, format, region is null ? "peserta" : $"peserta-{region}", Columns, rows, cancellationToken);
        return TypedResults.Empty;
    }

    private static async IAsyncEnumerable<TableCell[]> Rows(ParticipantStore participants, IReadOnlyList<string> regions, string? agreementNo,
        DateOnly? asOf, bool pii, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var region in regions)
        {
            await foreach (var p in participants.ListAsync(region, agreementNo, asOf, cancellationToken))
            {
                yield return pii
                    ?
                    [
                        p.Nik, p.FullName, p.Gender, p.BirthPlace, IsoDate.Parse(p.BirthDate), p.Address, p.Village,
                        p.District, p.Phone, p.Occupation, p.Segment, p.Region, p.AgreementNo, IsoDate.Parse(p.CoverageStart),
                        IsoDate.Parse(p.CoverageEnd), p.Programs, p.Kpj, p.MonthlyIncomeIdr,
                    ]
                    :
                    [
                        Nik.Masked(p.Nik), PersonalData.Initials(p.FullName), p.Gender, TableCell.Empty, TableCell.Empty, TableCell.Empty, p.Village,
                        p.District, TableCell.Empty, p.Occupation, p.Segment, p.Region, p.AgreementNo, IsoDate.Parse(p.CoverageStart),
                        IsoDate.Parse(p.CoverageEnd), p.Programs, TableCell.Empty, p.MonthlyIncomeIdr,
                    ];
            }
        }
    }
}
