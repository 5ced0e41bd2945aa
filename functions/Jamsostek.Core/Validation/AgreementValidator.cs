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
        findings.AddUnreadableCells();

        var number = row.Value(F.AgreementNo);
        findings.Require(F.AgreementNo);
        if (row.DuplicateOf is { } firstRow)
        {
            findings.Error(FindingCode.DuplicateInFile, F.AgreementNo, ValidationMessages.DuplicateInFile(RepeatedKey.AgreementNo, firstRow), number);
        }
        findings.Require(F.AgreementType);
        var type = row.Value(F.AgreementType) is { } typeText && Enum.TryParse<AgreementType>(typeText, out var parsed) ? parsed : (AgreementType?)null;

        var start = row.Date(F.CoverageStart);
        var end = row.Date(F.CoverageEnd);
        if (type == AgreementType.PKS)
        {
            findings.Require(F.CoverageStart);
            findings.Require(F.CoverageEnd);
        }
        if (start is { } s && end is { } e && e < s)
        {
            findings.Error(FindingCode.PeriodInvalid, F.CoverageEnd, ValidationMessages.PeriodInvalid(s, e), FindingValue.Date(e));
        }
        var signed = row.Date(F.SignedOn);
        if (signed is { } signedOn && start is { } begins && signedOn > begins)
        {
            findings.Warning(FindingCode.AgreementDates, F.SignedOn, ValidationMessages.AgreementDates(signedOn, begins), FindingValue.Date(signedOn));
        }
        if (findings.HasErrors || number is null || type is null)
        {
            return new RowOutcome<Agreement>(row.RowNumber, null, findings.All);
        }

        var agreement = AgreementOf(row, number, type.Value, signed, start, end);
        if (BudgetCheck.For(agreement) is { IsShort: true } budget)
        {
            findings.Warning(FindingCode.BudgetShortfall, F.BudgetIdr, ValidationMessages.BudgetShortfall(budget), row[F.BudgetIdr]?.Text);
        }
        return new RowOutcome<Agreement>(row.RowNumber, agreement, findings.All);
    }

    private Agreement AgreementOf(StagedRow row, string number, AgreementType type, DateOnly? signed, DateOnly? start, DateOnly? end) =>
        new()
        {
            AgreementNo = number,
            Region = context.Region.Value,
            Type = type,
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
}
