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
        var l = context.Language;
        findings.AddUnreadableCells();

        var nik = row.Value(F.Nik);
        RequireUnlessUnreadable(row, findings, F.Nik);
        if (row.DuplicateOf is { } firstRow)
        {
            findings.Error(FindingCode.DuplicateInFile, F.Nik, ValidationMessages.DuplicateInFile(l, "NIK", firstRow), nik is null ? null : Nik.Masked(nik));
        }
        var name = row.Value(F.FullName);
        RequireUnlessUnreadable(row, findings, F.FullName);

        var (birthPlace, birthDate) = BirthPlaceAndDate(row, findings);

        // What the NIK's digits say about the person.
        var nikBirthDate = default(DateOnly);
        var nikFemale = false;
        var nikReadable = nik is not null && Nik.TryReadBirthDate(nik, context.Today, out nikBirthDate, out nikFemale);
        if (nik is not null && !nikReadable)
        {
            findings.Error(FindingCode.NikBirthDate, F.Nik, ValidationMessages.NikBirthDate(l, Nik.Masked(nik)), Nik.Masked(nik));
        }
        var gender = row.Value(F.Gender);
        if (nikReadable && gender is not null && (gender == "P") != nikFemale)
        {
            findings.Error(FindingCode.NikGenderMismatch, F.Gender, ValidationMessages.NikGenderMismatch(l, gender == "P"), gender);
        }
        if (nikReadable && birthDate is { } column && !SameNikDate(column, nikBirthDate))
        {
            findings.Warning(FindingCode.NikBirthDateMismatch, F.BirthDate, ValidationMessages.NikBirthDateMismatch(l, column, nikBirthDate),
                UserFormat(column));
        }

        // The agreement and the period of cover.
        var rowStart = row.Date(F.CoverageStart);
        var rowEnd = row.Date(F.CoverageEnd);
        var agreement = ResolveAgreement(row, findings, rowStart, rowEnd);
        var start = rowStart ?? agreement?.CoverageStart;
        var end = rowEnd ?? agreement?.CoverageEnd;
        if (agreement is not null && (start is null || end is null))
        {
            // An MoU without a period: the row must say when cover runs.
            RequireUnlessUnreadable(row, findings, start is null ? F.CoverageStart : F.CoverageEnd);
        }
        if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                findings.Error(FindingCode.PeriodInvalid, F.CoverageEnd, ValidationMessages.PeriodInvalid(l, s, e), UserFormat(e));
            }
            else if (agreement is { HasPeriod: true } && !agreement.Covers(s, e))
            {
                var field = s < agreement.CoverageStart ? F.CoverageStart : F.CoverageEnd;
                findings.Error(FindingCode.PeriodOutsideAgreement, field, ValidationMessages.PeriodOutsideAgreement(l, s, e, agreement),
                    UserFormat(field == F.CoverageStart ? s : e));
            }
            else if (agreement is not null && nik is not null)
            {
                var conflict = earlier.FirstOrDefault(c => c.Nik == nik && c.Overlaps(s, e) && !c.IsSameAgreement(context.Region.Value, agreement.AgreementNo));
                if (conflict is not null)
                {
                    findings.Error(FindingCode.DuplicateCoverage, F.Nik, ValidationMessages.DuplicateCoverage(l, conflict), Nik.Masked(nik));
                }
            }
            var bornOn = birthDate ?? (nikReadable ? nikBirthDate : (DateOnly?)null);
            if (bornOn is { } born && Age(born, s) is var age and (< MinAge or > MaxAge))
            {
                findings.Warning(FindingCode.AgeRange, F.BirthDate, ValidationMessages.AgeRange(l, age), UserFormat(born));
            }
        }
        if (nik is not null && nikReadable && nik[..2] != context.Region.ProvinceCode)
        {
            findings.Warning(FindingCode.NikRegion, F.Nik, ValidationMessages.NikRegion(l, nik[..2], context.Region.ProvinceCode), Nik.Masked(nik));
        }

        if (findings.HasErrors || nik is null || name is null || birthDate is null || agreement is null || start is null || end is null)
        {
            return new RowOutcome<Enrolment>(row.RowNumber, null, findings.All);
        }
        var occupation = row.Value(F.Occupation);
        var enrolment = new Enrolment
        {
            Nik = nik,
            FullName = name,
            BirthPlace = birthPlace,
            BirthDate = birthDate.Value,
            Gender = gender ?? (nikFemale ? "P" : "L"),
            Address = row.Value(F.Address),
            Village = row.Value(F.Village),
            District = row.Value(F.District),
            Phone = row.Value(F.Phone),
            Occupation = occupation,
            Segment = row.Value(F.Segment) ?? (occupation is null ? null : Occupation.DefaultSegment(occupation)),
            Region = context.Region.Value,
            AgreementNo = agreement.AgreementNo,
            CoverageStart = start.Value,
            CoverageEnd = end.Value,
            MonthlyIncomeIdr = row.Decimal(F.MonthlyIncomeIdr),
            Programs = row.Value(F.Programs) is { } programs ? ProgramSet.Parse(programs).Value : agreement.Programs,
            Kpj = row.Value(F.Kpj),
        };
        return new RowOutcome<Enrolment>(row.RowNumber, enrolment, findings.All);
    }

    /// <summary>The row's agreement: the one it names, or the region's only PKS in force for the row's period (today when it gives none).</summary>
    private Agreement? ResolveAgreement(StagedRow row, RowFindings findings, DateOnly? rowStart, DateOnly? rowEnd)
    {
        var l = context.Language;
        if (row.Value(F.AgreementNo) is { } number)
        {
            if (_agreements.TryGetValue(AgreementNumber.Key(number), out var named))
            {
                return named;
            }
            findings.Error(FindingCode.AgreementUnknown, F.AgreementNo, ValidationMessages.AgreementUnknown(l, number, context.Region.Value), number);
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
        findings.Error(FindingCode.Required, F.AgreementNo,
            ValidationMessages.AgreementNotChosen(l, context.Region.Value, candidates.Count, start, end));
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
            var datePart = digit < 0 ? text : text[digit..];
            var parsed = IndonesianDate.Parse(datePart);
            if (parsed.IsOk)
            {
                date = parsed.Value;
                place ??= digit > 0 ? text[..digit].Trim().TrimEnd(',', '/', '-').Trim() is { Length: > 0 } p ? p : null : null;
            }
            else
            {
                findings.Error(FindingCode.DateFormat, F.BirthPlaceDate, ValidationMessages.DateFormat(context.Language, findings.Column(F.BirthPlaceDate), text), text);
            }
            return (place, date);
        }
        if (date is null && row[F.BirthDate] is null && row[F.BirthPlaceDate] is null)
        {
            // Point at the column the sheet has: a separate birth date, or the combined one.
            var field = context.FieldColumns.ContainsKey(F.BirthPlaceDate) && !context.FieldColumns.ContainsKey(F.BirthDate)
                ? F.BirthPlaceDate
                : F.BirthDate;
            findings.Error(FindingCode.Required, field, ValidationMessages.Required(context.Language, findings.Column(field)));
        }
        return (place, date);
    }

    private void RequireUnlessUnreadable(StagedRow row, RowFindings findings, string field)
    {
        if (row[field] is null)
        {
            findings.Error(FindingCode.Required, field, ValidationMessages.Required(context.Language, findings.Column(field)));
        }
    }

    // The NIK keeps a two-digit year: compare what it holds.
    private static bool SameNikDate(DateOnly column, DateOnly fromNik) =>
        column.Day == fromNik.Day && column.Month == fromNik.Month && column.Year % 100 == fromNik.Year % 100;

    public static int Age(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }

    private string UserFormat(DateOnly date) => Text.UserFormat.Date(date, context.Language);
}
