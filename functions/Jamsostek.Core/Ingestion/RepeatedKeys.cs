using Jamsostek.Core.Templates;
using Jamsostek.Core.Validation;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// Remembers where each NIK (enrolments), agreement number (agreements) or NPP (compliance) first appears, so a repeat is marked
/// while the file is read in order: chunks are validated apart and in any order, and "the first occurrence is
/// kept" must mean the first row of the file. A NIK is kept as a number: 100,000 rows cost about 3 MB.
/// </summary>
internal sealed class RepeatedKeys(SheetKind kind)
{
    private readonly Dictionary<long, int> _niks = [];
    private readonly Dictionary<int, int> _npps = [];
    private readonly Dictionary<string, int> _agreements = new(StringComparer.Ordinal);

    /// <summary>The row where this row's key first appeared, or null when it is the first (or has no readable key).</summary>
    public int? FirstRowOf(MappedRow row)
    {
        if (kind == SheetKind.Enrolments)
        {
            if (!row.TryGet(FieldNames.Nik, out var cell) || Nik.Parse(cell.Value) is not { IsOk: true } nik)
            {
                return null;
            }
            var key = long.Parse(nik.Value, System.Globalization.CultureInfo.InvariantCulture);
            return _niks.TryAdd(key, row.RowNumber) ? null : _niks[key];
        }
        if (kind == SheetKind.Compliance)
        {
            if (!row.TryGet(FieldNames.Npp, out var nppCell) || Npp.Parse(nppCell.Value) is not { IsOk: true } npp)
            {
                return null;
            }
            var nppKey = int.Parse(npp.Value, System.Globalization.CultureInfo.InvariantCulture);
            return _npps.TryAdd(nppKey, row.RowNumber) ? null : _npps[nppKey];
        }
        if (!row.TryGet(FieldNames.AgreementNo, out var number) || TextValue.Parse(number.Value) is not { IsOk: true } text)
        {
            return null;
        }
        var agreementKey = AgreementNumber.Key(text.Value);
        return _agreements.TryAdd(agreementKey, row.RowNumber) ? null : _agreements[agreementKey];
    }
}
