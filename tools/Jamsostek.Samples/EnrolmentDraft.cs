using System.Globalization;
using Jamsostek.TestData;
using Column = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Samples;

/// <summary>
/// Valid synthetic enrolment rows on their way to becoming a sample: a few rows are then spoiled the way offices
/// spoil them, each spoiled row remembered with the finding validation should report for it. Rows are named by
/// their "No" as generated, before any row is inserted.
/// </summary>
internal sealed class EnrolmentDraft
{
    private readonly List<object?[]> _generated;
    private readonly List<object?[]?> _rows;
    private readonly List<Spoiled> _spoiled = [];
    private readonly bool _csv;

    private sealed record Spoiled(object?[] Row, int Column, string Code, string Typed, Func<Func<object?[], int>, string> Why);

    public EnrolmentDraft(IEnumerable<object?[]> rows, bool csv)
    {
        _generated = [.. rows];
        _rows = [.. _generated];
        _csv = csv;
    }

    public IReadOnlyList<object?[]> Generated => _generated;

    /// <summary>
    /// The NIK typed into a General (number) cell: Excel keeps 15 significant digits, so the last one becomes 0.
    /// The cell shows "5,20402E+15" in an Indonesian locale, and a CSV saved from such a sheet holds exactly that.
    /// </summary>
    public void NikStoredAsNumber(int no)
    {
        var row = _generated[no - 1];
        var truncated = long.Parse((string)row[Column.Nik]!, CultureInfo.InvariantCulture) / 10 * 10;
        var shown = ((double)truncated).ToString("0.00000E+00", CultureInfo.InvariantCulture).Replace('.', ',');
        row[Column.Nik] = _csv ? shown : (double)truncated;
        _spoiled.Add(new(row, Column.Nik, "NIK_PRECISION_LOST", shown,
            _ => "NIK typed into a number cell: Excel keeps 15 significant digits, so the last digit is lost. " +
                 "Format the column as text and type the NIK again."));
    }

    /// <summary>A digit of the sequence number left out: 15 digits.</summary>
    public void NikMissingADigit(int no)
    {
        var row = _generated[no - 1];
        var nik = ((string)row[Column.Nik]!).Remove(13, 1);
        row[Column.Nik] = nik;
        _spoiled.Add(new(row, Column.Nik, "NIK_FORMAT", Mask(nik), _ => "15 digits; a NIK has 16."));
    }

    /// <summary>
    /// A birth date that does not exist, such as 31/02/1990 for 31/01/1990: the NIK (digits 7-12) keeps the real
    /// date, as it would.
    /// </summary>
    public void ImpossibleBirthDate(int no, DateOnly real, string typed)
    {
        var row = _generated[no - 1];
        var nik = (string)row[Column.Nik]!;
        NikGenerator.TryDecode(nik, out _, out var female);
        var district = int.Parse(nik.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var taken = _rows.Where(r => r is not null).Select(r => r![Column.Nik] as string).ToHashSet();
        var sequence = 1;
        string renumbered;
        while (taken.Contains(renumbered = NikGenerator.Create(nik[..4], real, female, sequence, district)))
        {
            sequence++;
        }
        row[Column.Nik] = renumbered;
        row[Column.BirthDate] = typed;
        _spoiled.Add(new(row, Column.BirthDate, "DATE_FORMAT", typed, _ => $"{typed} is not a date; the NIK says {real:dd/MM/yyyy}."));
    }

    /// <summary>An occupation mistyped, so it matches no known spelling; validation suggests the closest category.</summary>
    public void UnknownOccupation(int no, string typed, string closest)
    {
        var row = _generated[no - 1];
        row[Column.Occupation] = typed;
        _spoiled.Add(new(row, Column.Occupation, "OCCUPATION_UNKNOWN", typed, _ => $"Not a known occupation; closest category: {closest}."));
    }

    /// <summary>
    /// The same worker entered twice (two village officers sent the same list, or a row was pasted twice): a copy
    /// of row <paramref name="no"/> after row <paramref name="after"/>, in capitals as typed from the KTP.
    /// </summary>
    public void DuplicateOf(int no, int after)
    {
        var first = _generated[no - 1];
        var copy = (object?[])first.Clone();
        copy[Column.FullName] = ((string)copy[Column.FullName]!).Trim().ToUpperInvariant();
        _rows.Insert(_rows.IndexOf(_generated[after - 1]) + 1, copy);
        _spoiled.Add(new(copy, Column.Nik, "DUPLICATE_IN_FILE", Mask(copy[Column.Nik]?.ToString() ?? ""),
            rowNumber => $"Same NIK as row {rowNumber(first)}: the first is kept, this one is rejected."));
    }

    /// <summary>An empty row between two rows (a row deleted by clearing its cells): counted as blank, not read.</summary>
    public void BlankRowAfter(int no) => _rows.Insert(_rows.IndexOf(_generated[no - 1]) + 1, null);

    /// <summary>
    /// The rows in sheet order, "No" counting the rows that hold a worker, and what validation should find in them,
    /// by spreadsheet row: <paramref name="firstRow"/> is the row (CSV line) of the first data row.
    /// </summary>
    public (IReadOnlyList<object?[]> Rows, IReadOnlyList<SampleFinding> Findings, IReadOnlyList<int> BlankRows) Build(int firstRow)
    {
        var no = 0;
        var rows = new List<object?[]>(_rows.Count);
        foreach (var row in _rows)
        {
            if (row is null)
            {
                // Excel saves a cleared row inside the table as delimiters only (";;;;"); a sheet leaves the row empty.
                rows.Add(_csv ? new object?[EnrolmentSheet.Header.Count] : []);
                continue;
            }
            row[Column.No] = ++no;
            rows.Add(row);
        }
        int RowNumber(object?[] row) => firstRow + _rows.IndexOf(row);
        var findings = _spoiled
            .Select(s => new SampleFinding(RowNumber(s.Row), CellName(s.Column, RowNumber(s.Row)), s.Code, IsWarning: false, s.Typed, s.Why(RowNumber)))
            .OrderBy(f => f.Row)
            .ToList();
        var blankRows = _rows.Select((row, index) => (row, index)).Where(r => r.row is null).Select(r => firstRow + r.index).ToList();
        return (rows, findings, blankRows);
    }

    public int RowCount => _rows.Count(r => r is not null);

    /// <summary>"B17". The templates have fewer than 26 columns.</summary>
    public static string CellName(int column, int row) => $"{(char)('A' + column)}{row}";

    /// <summary>As findings show a NIK: the first and last four digits ("5204********0001").</summary>
    public static string Mask(string nik) => nik.Length < 12 ? new string('*', nik.Length) : $"{nik[..4]}********{nik[^4..]}";
}
