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

    public Language Language => context.Language;

    public void Error(string code, string field, string message, string? value = null) => Add(code, Severity.Error, field, message, value);

    public void Warning(string code, string field, string message, string? value = null) => Add(code, Severity.Warning, field, message, value);

    /// <summary>The header the office knows the field by ("Tanggal Lahir").</summary>
    public string Column(string field) => template.TryGetField(field, out var f) ? f.Header : field;

    /// <summary>One finding for every cell ingestion could not read, with the contract's severity for its code.</summary>
    public void AddUnreadableCells()
    {
        foreach (var cell in row.Cells.Values)
        {
            if (cell.Error is not { } code)
            {
                continue;
            }
            var l = context.Language;
            var column = Column(cell.Field);
            var shown = cell.Field == FieldNames.Nik ? Nik.Masked(cell.Text) : cell.Text;
            switch (code)
            {
                case FindingCode.NikFormat:
                    Error(code, cell.Field, ValidationMessages.NikFormat(l, shown), shown);
                    break;
                case FindingCode.CellTooLong:
                    // No value: the text is what made the row too long to show.
                    Error(code, cell.Field, ValidationMessages.CellTooLong(l, column, cell.Problem), null);
                    break;
                case FindingCode.NikPrecisionLost:
                    Error(code, cell.Field, ValidationMessages.NikPrecisionLost(l), shown);
                    break;
                case FindingCode.DateFormat:
                    Error(code, cell.Field, ValidationMessages.DateFormat(l, column, shown), shown);
                    break;
                case FindingCode.AmountFormat:
                    Error(code, cell.Field, ValidationMessages.AmountFormat(l, column, shown), shown);
                    break;
                case FindingCode.OccupationUnknown:
                    Error(code, cell.Field, ValidationMessages.OccupationUnknown(l, shown, Occupation.Suggest(cell.Text)), shown);
                    break;
                case FindingCode.PhoneFormat:
                    Warning(code, cell.Field, ValidationMessages.PhoneFormat(l, shown), shown);
                    break;
                case FindingCode.NppFormat:
                    Error(code, cell.Field, ValidationMessages.NppFormat(l, shown), shown);
                    break;
                case ValueCodes.KpjFormat:
                    Warning(code, cell.Field, ValidationMessages.KpjFormat(l, shown), shown);
                    break;
                default:
                    Error(code, cell.Field, ValidationMessages.ValueUnknown(l, column, shown, Accepted(code, l)), shown);
                    break;
            }
        }
    }

    private static string Accepted(string code, Language l) => code switch
    {
        ValueCodes.GenderFormat => l == Language.En ? "L or P" : "L atau P",
        ValueCodes.SegmentUnknown => "pekerja_rentan, non_asn, perangkat_desa",
        ValueCodes.ProgramUnknown => "JKK, JKM, JHT",
        ValueCodes.AgreementTypeUnknown => l == Language.En ? "MoU or PKS" : "MoU atau PKS",
        ValueCodes.FundingSourceUnknown => "APBD, APBDes, APBN, CSR, Mandiri",
        FindingCode.FollowupUnknown => string.Join(", ", FollowupStatus.All.Select(status => FollowupStatus.Label(status, Language.Id))),
        ValueCodes.NameFormat => l == Language.En ? "the name as on the KTP" : "nama sesuai KTP",
        _ => l == Language.En ? "a valid value" : "nilai yang sah",
    };

    private void Add(string code, Severity severity, string field, string message, string? value)
    {
        HasErrors |= severity == Severity.Error;
        _findings.Add(new Finding(code, severity, message, context.Sheet, row.RowNumber, context.CellOf(row, field), field, value));
    }
}
