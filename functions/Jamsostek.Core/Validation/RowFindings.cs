using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Validation;

/// <summary>The findings of one row as they are made, each pinned to its sheet, row and cell.</summary>
internal sealed class RowFindings(ValidationContext context, SheetTemplate template, StagedRow row)
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> All => _findings;

    public bool HasErrors { get; private set; }

    public void Error(string code, string field, FindingMessage message, string? value = null) => Add(code, Severity.Error, field, message, value);

    public void Warning(string code, string field, FindingMessage message, string? value = null) => Add(code, Severity.Warning, field, message, value);

    /// <summary>REQUIRED for a field the row leaves empty.</summary>
    public void Require(string field)
    {
        if (row[field] is null)
        {
            Error(FindingCode.Required, field, ValidationMessages.Required(Column(field)));
        }
    }

    /// <summary>The header the office knows the field by ("Tanggal Lahir").</summary>
    public string Column(string field) => template.TryGetField(field, out var f) ? f.Header : field;

    /// <summary>One finding for every cell ingestion could not read, with the contract's severity for its code.</summary>
    public void AddUnreadableCells()
    {
        foreach (var cell in row.Cells.Values)
        {
            if (cell.Error is { } code)
            {
                AddUnreadable(cell, code);
            }
        }
    }

    private void AddUnreadable(StagedCell cell, string code)
    {
        var column = Column(cell.Field);
        var shown = cell.Field == FieldNames.Nik ? Nik.Masked(cell.Text) : cell.Text;
        switch (code)
        {
            case FindingCode.NikFormat:
                Error(code, cell.Field, ValidationMessages.NikFormat(shown), shown);
                break;
            case FindingCode.CellTooLong:
                // No value: the text is what made the row too long to show.
                Error(code, cell.Field, ValidationMessages.CellTooLong(column, cell.Problem), null);
                break;
            case FindingCode.NikPrecisionLost:
                Error(code, cell.Field, ValidationMessages.NikPrecisionLost(), shown);
                break;
            case FindingCode.DateFormat:
                Error(code, cell.Field, ValidationMessages.DateFormat(column, shown), shown);
                break;
            case FindingCode.AmountFormat:
                Error(code, cell.Field, ValidationMessages.AmountFormat(column, shown), shown);
                break;
            case FindingCode.OccupationUnknown:
                Error(code, cell.Field, ValidationMessages.OccupationUnknown(shown, Occupation.Suggest(cell.Text)), shown);
                break;
            case FindingCode.PhoneFormat:
                Warning(code, cell.Field, ValidationMessages.PhoneFormat(shown), shown);
                break;
            case FindingCode.NppFormat:
                Error(code, cell.Field, ValidationMessages.NppFormat(shown), shown);
                break;
            case ValueCodes.KpjFormat:
                Warning(code, cell.Field, ValidationMessages.KpjFormat(shown), shown);
                break;
            default:
                Error(code, cell.Field, ValidationMessages.ValueUnknown(code, column, shown), shown);
                break;
        }
    }

    private void Add(string code, Severity severity, string field, FindingMessage message, string? value)
    {
        HasErrors |= severity == Severity.Error;
        _findings.Add(new Finding(code, severity, message, context.Sheet, row.RowNumber, context.CellOf(row, field), field, value));
    }
}
