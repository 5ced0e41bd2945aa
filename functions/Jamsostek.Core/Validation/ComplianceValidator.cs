using Jamsostek.Core.Compliance;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;
using F = Jamsostek.Core.Templates.FieldNames;

namespace Jamsostek.Core.Validation;

/// <summary>
/// The row rules of an employer compliance row (contract section 3): NPP and company name required, the NPP's form,
/// repeats in the file, amounts and dates readable, no date after the snapshot's, a known follow-up step; warnings
/// when the months in arrears do not match the last payment, or months are owed with no amount.
/// </summary>
public sealed class ComplianceValidator(ValidationContext context, DateOnly snapshotDate)
{
    public RowOutcome<Employer> Validate(StagedRow row)
    {
        var findings = new RowFindings(context, SheetTemplate.Compliance, row);
        findings.AddUnreadableCells();

        var npp = row.Value(F.Npp);
        findings.Require(F.Npp);
        if (row.DuplicateOf is { } firstRow)
        {
            findings.Error(FindingCode.DuplicateInFile, F.Npp, ValidationMessages.DuplicateInFile(RepeatedKey.Npp, firstRow), npp);
        }
        var name = row.Value(F.CompanyName);
        findings.Require(F.CompanyName);

        var lastPaid = NotAfterSnapshot(row, findings, F.LastPaidOn);
        var followupOn = NotAfterSnapshot(row, findings, F.FollowupOn);
        var months = row.Int(F.ArrearsMonths);
        var amount = row.Decimal(F.ArrearsIdr);
        if (months is { } owed && lastPaid is { } paid && Math.Abs(owed - WholeMonths.Between(paid, snapshotDate)) > 1)
        {
            findings.Warning(FindingCode.ArrearsInconsistent, F.ArrearsMonths,
                ValidationMessages.ArrearsInconsistent(owed, paid, snapshotDate, WholeMonths.Between(paid, snapshotDate)), row[F.ArrearsMonths]?.Text);
        }
        if (months > 0 && (amount ?? 0) == 0 && row[F.ArrearsIdr] is not { IsError: true })
        {
            findings.Warning(FindingCode.ArrearsZeroAmount, F.ArrearsIdr, ValidationMessages.ArrearsZeroAmount(months.Value), row[F.ArrearsIdr]?.Text);
        }
        if (findings.HasErrors || npp is null || name is null)
        {
            return new RowOutcome<Employer>(row.RowNumber, null, findings.All);
        }
        return new RowOutcome<Employer>(row.RowNumber, new Employer
        {
            Npp = npp,
            CompanyName = name,
            Region = context.Region.Value,
            SnapshotDate = snapshotDate,
            Sector = row.Value(F.Sector),
            District = row.Value(F.District),
            RegisteredWorkers = row.Int(F.RegisteredWorkers),
            ReportedWorkers = row.Int(F.ReportedWorkers),
            ArrearsMonths = months,
            ArrearsIdr = amount,
            LastPaidOn = lastPaid,
            FollowupStatus = row.Value(F.FollowupStatus),
            FollowupOn = followupOn,
            Note = row.Value(F.Note),
        }, findings.All);
    }

    private DateOnly? NotAfterSnapshot(StagedRow row, RowFindings findings, string field)
    {
        var date = row.Date(field);
        if (date is { } d && d > snapshotDate)
        {
            findings.Error(FindingCode.DateInFuture, field,
                ValidationMessages.DateInFuture(findings.Column(field), d, snapshotDate), row[field]?.Text);
        }
        return date;
    }
}
