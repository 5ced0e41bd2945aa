using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;
using F = Jamsostek.Core.Templates.FieldNames;

namespace Jamsostek.Core.Validation;

/// <summary>
/// The row rules of an enrolment (contract section 3): required fields, the NIK's structure and what its digits
/// say (birth date, gender, province), the agreement the row belongs to and its period, repeats in the file and
/// coverage that overlaps an earlier enrolment of the same NIK. Every finding of a row is reported, not only the
/// first, so the office fixes a row once.
/// </summary>
public sealed class EnrolmentValidator(ValidationContext context, IReadOnlyCollection<Agreement> regionAgreements)
{
    public const int MinAge = 15;
    public const int MaxAge = 65;

    private readonly Dictionary<string, Agreement> _agreements = regionAgreements
        .GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <param name="earlier">Enrolments already stored for this row's NIK (any region, any agreement).</param>
    public RowOutcome<Enrolment> Validate(StagedRow row, IReadOnlyList<CoverageRecord> earlier)
    {
        var findings = new RowFindings(context, SheetTemplate.Enrolments, row);
        findings.AddUnreadableCells();

        var nik = row.Value(F.Nik);
        findings.Require(F.Nik);
        if (row.DuplicateOf is { } firstRow)
        {
            findings.Error(FindingCode.DuplicateInFile, F.Nik, ValidationMessages.DuplicateInFile(RepeatedKey.Nik, firstRow), nik is null ? null : Nik.Masked(nik));
        }
        var name = row.Value(F.FullName);
        findings.Require(F.FullName);
        var (birthPlace, birthDate) = BirthPlaceAndDate(row, findings);
        var fromNik = CheckNikAgainstPerson(row, findings, nik, birthDate);
        var cover = CheckCover(row, findings, nik, earlier);
        if (cover is { Start: { } start, End: not null } && (birthDate ?? fromNik?.BirthDate) is { } born)
        {
            CheckAge(findings, born, start);
        }
        if (nik is not null && fromNik is not null && nik[..2] != context.Region.ProvinceCode)
        {
            findings.Warning(FindingCode.NikRegion, F.Nik, ValidationMessages.NikRegion(nik[..2], context.Region.ProvinceCode), Nik.Masked(nik));
        }

        if (findings.HasErrors || nik is null || name is null || birthDate is null || cover is not { Agreement: { } agreement, Start: { } s, End: { } e })
        {
            return new RowOutcome<Enrolment>(row.RowNumber, null, findings.All);
        }
        var gender = row.Value(F.Gender) ?? (fromNik is { Female: true } ? "P" : "L");
        return new RowOutcome<Enrolment>(row.RowNumber, EnrolmentOf(row, nik, name, birthPlace, birthDate.Value, gender, agreement, s, e), findings.All);
    }

    /// <summary>What the NIK's digits say about the person (birth date, gender), checked against the row; null when they say nothing readable.</summary>
    private NikFacts? CheckNikAgainstPerson(StagedRow row, RowFindings findings, string? nik, DateOnly? birthDate)
    {
        if (nik is null)
        {
            return null;
        }
        if (!Nik.TryReadBirthDate(nik, context.Today, out var nikBirthDate, out var nikFemale))
        {
            findings.Error(FindingCode.NikBirthDate, F.Nik, ValidationMessages.NikBirthDate(Nik.Masked(nik)), Nik.Masked(nik));
            return null;
        }
        if (row.Value(F.Gender) is { } gender && (gender == "P") != nikFemale)
        {
            findings.Error(FindingCode.NikGenderMismatch, F.Gender, ValidationMessages.NikGenderMismatch(gender == "P"), gender);
        }
        if (birthDate is { } column && !SameNikDate(column, nikBirthDate))
        {
            findings.Warning(FindingCode.NikBirthDateMismatch, F.BirthDate, ValidationMessages.NikBirthDateMismatch(column, nikBirthDate),
                FindingValue.Date(column));
        }
        return new NikFacts(nikBirthDate, nikFemale);
    }

    /// <summary>The agreement and the period of cover: the row's dates, else the agreement's; checked against the agreement and earlier cover.</summary>
    private Cover CheckCover(StagedRow row, RowFindings findings, string? nik, IReadOnlyList<CoverageRecord> earlier)
    {
        var rowStart = row.Date(F.CoverageStart);
        var rowEnd = row.Date(F.CoverageEnd);
        var agreement = ResolveAgreement(row, findings, rowStart, rowEnd);
        var start = rowStart ?? agreement?.CoverageStart;
        var end = rowEnd ?? agreement?.CoverageEnd;
        if (agreement is not null && (start is null || end is null))
        {
            // An MoU without a period: the row must say when cover runs.
            findings.Require(start is null ? F.CoverageStart : F.CoverageEnd);
        }
        if (start is { } s && end is { } e)
        {
            CheckPeriod(findings, nik, agreement, s, e, earlier);
        }
        return new Cover(agreement, start, end);
    }

    /// <summary>A period that runs forwards, inside the agreement's, and overlapping no cover of the NIK under another agreement.</summary>
    private void CheckPeriod(RowFindings findings, string? nik, Agreement? agreement, DateOnly start, DateOnly end, IReadOnlyList<CoverageRecord> earlier)
    {
        if (end < start)
        {
            findings.Error(FindingCode.PeriodInvalid, F.CoverageEnd, ValidationMessages.PeriodInvalid(start, end), FindingValue.Date(end));
        }
        else if (agreement is { HasPeriod: true } && !agreement.Covers(start, end))
        {
            var field = start < agreement.CoverageStart ? F.CoverageStart : F.CoverageEnd;
            findings.Error(FindingCode.PeriodOutsideAgreement, field, ValidationMessages.PeriodOutsideAgreement(start, end, agreement),
                FindingValue.Date(field == F.CoverageStart ? start : end));
        }
        else if (agreement is not null && nik is not null
            && earlier.FirstOrDefault(c => c.Nik == nik && c.Overlaps(start, end) && !c.IsSameAgreement(context.Region.Value, agreement.AgreementNo)) is { } conflict)
        {
            findings.Error(FindingCode.DuplicateCoverage, F.Nik, ValidationMessages.DuplicateCoverage(conflict), Nik.Masked(nik));
        }
    }

    private static void CheckAge(RowFindings findings, DateOnly born, DateOnly coverageStart)
    {
        if (Age(born, coverageStart) is var age and (< MinAge or > MaxAge))
        {
            findings.Warning(FindingCode.AgeRange, F.BirthDate, ValidationMessages.AgeRange(age), FindingValue.Date(born));
        }
    }

    /// <summary>The row's agreement: the one it names, or the region's only PKS in force for the row's period (today when it gives none).</summary>
    private Agreement? ResolveAgreement(StagedRow row, RowFindings findings, DateOnly? rowStart, DateOnly? rowEnd)
    {
        if (row.Value(F.AgreementNo) is { } number)
        {
            if (_agreements.TryGetValue(AgreementNumber.Key(number), out var named))
            {
                return named;
            }
            findings.Error(FindingCode.AgreementUnknown, F.AgreementNo, ValidationMessages.AgreementUnknown(number, context.Region.Value), number);
            return null;
        }
        if (row[F.AgreementNo] is { IsError: true })
        {
            return null;
        }
        var start = rowStart ?? rowEnd ?? context.Today;
        var end = rowEnd ?? rowStart ?? context.Today;
        var candidates = _agreements.Values.Where(a => a.Type == AgreementType.PKS && a.Covers(start, end)).Take(2).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        findings.Error(FindingCode.Required, F.AgreementNo, ValidationMessages.AgreementNotChosen(context.Region.Value, candidates.Count, start, end));
        return null;
    }

    /// <summary>From the birth place and birth date columns, or a combined "Tempat/Tgl Lahir" one ("Sumbawa, 12-03-1990").</summary>
    private (string? Place, DateOnly? Date) BirthPlaceAndDate(StagedRow row, RowFindings findings)
    {
        var place = row.Value(F.BirthPlace);
        var date = row.Date(F.BirthDate);
        if (date is null && row[F.BirthDate] is null && row[F.BirthPlaceDate] is { Text.Length: > 0 } combined)
        {
            var text = combined.Text;
            var digit = text.AsSpan().IndexOfAnyInRange('0', '9');
            var parsed = IndonesianDate.Parse(digit < 0 ? text : text[digit..]);
            if (!parsed.IsOk)
            {
                findings.Error(FindingCode.DateFormat, F.BirthPlaceDate, ValidationMessages.DateFormat(findings.Column(F.BirthPlaceDate), text), text);
                return (place, date);
            }
            place ??= digit > 0 ? text[..digit].Trim().TrimEnd(',', '/', '-').Trim() is { Length: > 0 } p ? p : null : null;
            return (place, parsed.Value);
        }
        if (date is null && row[F.BirthDate] is null && row[F.BirthPlaceDate] is null)
        {
            // Point at the column the sheet has: a separate birth date, or the combined one.
            var field = context.FieldColumns.ContainsKey(F.BirthPlaceDate) && !context.FieldColumns.ContainsKey(F.BirthDate)
                ? F.BirthPlaceDate
                : F.BirthDate;
            findings.Error(FindingCode.Required, field, ValidationMessages.Required(findings.Column(field)));
        }
        return (place, date);
    }

    private Enrolment EnrolmentOf(StagedRow row, string nik, string name, string? birthPlace, DateOnly birthDate, string gender, Agreement agreement,
        DateOnly start, DateOnly end)
    {
        var occupation = row.Value(F.Occupation);
        return new Enrolment
        {
            Nik = nik,
            FullName = name,
            BirthPlace = birthPlace,
            BirthDate = birthDate,
            Gender = gender,
            Address = row.Value(F.Address),
            Village = row.Value(F.Village),
            District = row.Value(F.District),
            Phone = row.Value(F.Phone),
            Occupation = occupation,
            Segment = row.Value(F.Segment) ?? (occupation is null ? null : Occupation.DefaultSegment(occupation)),
            Region = context.Region.Value,
            AgreementNo = agreement.AgreementNo,
            CoverageStart = start,
            CoverageEnd = end,
            MonthlyIncomeIdr = row.Decimal(F.MonthlyIncomeIdr),
            Programs = row.Value(F.Programs) is { } programs ? ProgramSet.Parse(programs).Value : agreement.Programs,
            Kpj = row.Value(F.Kpj),
        };
    }

    // The NIK keeps a two-digit year: compare what it holds.
    private static bool SameNikDate(DateOnly column, DateOnly fromNik) =>
        column.Day == fromNik.Day && column.Month == fromNik.Month && column.Year % 100 == fromNik.Year % 100;

    public static int Age(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    /// <summary>What a readable NIK says about its holder.</summary>
    private sealed record NikFacts(DateOnly BirthDate, bool Female);

    /// <summary>The row's agreement and period of cover, each null when the row does not settle it.</summary>
    private sealed record Cover(Agreement? Agreement, DateOnly? Start, DateOnly? End);
}
