using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;
using F = Jamsostek.Core.Templates.FieldNames;

namespace Jamsostek.Core.Validation;

/// <summary>
/// The row rules of an agreement: number and type required, a PKS needs its period, the period runs forwards,
/// repeats in the file, signed after cover starts (warning) and a budget short of the target's contributions
/// (warning). The region was checked against the upload folder when the file was read.
/// </summary>
public sealed class AgreementValidator(ValidationContext context)
{
    public RowOutcome<Agreement> Validate(StagedRow row)
    {
        var findings = new RowFindings(context, SheetTemplate.Agreements, row);
        var l = context.Language;
        findings.AddUnreadableCells();

        var number = row.Value(F.AgreementNo);
        Require(row, findings, F.AgreementNo);
        if (row.DuplicateOf is { } firstRow)
        {
            findings.Error(FindingCode.DuplicateInFile, F.AgreementNo,
                ValidationMessages.DuplicateInFile(l, l == Language.En ? "agreement number" : "Nomor PKS", firstRow), number);
        }
        Require(row, findings, F.AgreementType);
        var type = row.Value(F.AgreementType) is { } typeText && Enum.TryParse<AgreementType>(typeText, out var parsed) ? parsed : (AgreementType?)null;

        var start = row.Date(F.CoverageStart);
        var end = row.Date(F.CoverageEnd);
        if (type == AgreementType.PKS)
        {
            Require(row, findings, F.CoverageStart);
            Require(row, findings, F.CoverageEnd);
        }
        if (start is { } s && end is { } e && e < s)
        {
            findings.Error(FindingCode.PeriodInvalid, F.CoverageEnd, ValidationMessages.PeriodInvalid(l, s, e), Text.UserFormat.Date(e, l));
        }
        var signed = row.Date(F.SignedOn);
        if (signed is { } signedOn && start is { } begins && signedOn > begins)
        {
            findings.Warning(FindingCode.AgreementDates, F.SignedOn, ValidationMessages.AgreementDates(l, signedOn, begins), Text.UserFormat.Date(signedOn, l));
        }
        if (findings.HasErrors || number is null || type is null)
        {
            return new RowOutcome<Agreement>(row.RowNumber, null, findings.All);
        }

        var agreement = new Agreement
        {
            AgreementNo = number,
            Region = context.Region.Value,
            Type = type.Value,
            RegionName = row.Value(F.RegionName),
            BranchOffice = row.Value(F.BranchOffice),
            SignedOn = signed,
            CoverageStart = start,
            CoverageEnd = end,
            FundingSource = row.Value(F.FundingSource),
            BudgetIdr = row.Decimal(F.BudgetIdr),
            TargetParticipants = row.Int(F.TargetParticipants),
            TargetNonAsn = row.Int(F.TargetNonAsn),
            TargetVulnerable = row.Int(F.TargetVulnerable),
            Programs = row.Value(F.Programs) is { } programs ? ProgramSet.Parse(programs).Value : Programs.JKK | Programs.JKM,
            MonthlyContributionIdr = row.Decimal(F.MonthlyContributionIdr),
            ContributionNonAsnIdr = row.Decimal(F.ContributionNonAsnIdr),
            ContributionVulnerableIdr = row.Decimal(F.ContributionVulnerableIdr),
            LegalBasis = row.Value(F.LegalBasis),
        };
        if (BudgetCheck.For(agreement) is { IsShort: true } budget)
        {
            findings.Warning(FindingCode.BudgetShortfall, F.BudgetIdr, ValidationMessages.BudgetShortfall(l, budget), row[F.BudgetIdr]?.Text);
        }
        return new RowOutcome<Agreement>(row.RowNumber, agreement, findings.All);
    }

    private void Require(StagedRow row, RowFindings findings, string field)
    {
        if (row[field] is null)
        {
            findings.Error(FindingCode.Required, field, ValidationMessages.Required(context.Language, findings.Column(field)));
        }
    }
}
