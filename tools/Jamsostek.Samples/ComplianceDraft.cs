using System.Globalization;
using Jamsostek.TestData;
using Column = Jamsostek.TestData.ComplianceSheet.Columns;

namespace Jamsostek.Samples;

/// <summary>
/// Valid synthetic employer rows of a compliance snapshot on their way to becoming a sample: a few rows are then
/// spoiled the way branch offices spoil them, each remembered with the finding validation should report for it
/// (errors reject the row, warnings keep it). Rows are named by their "No" as generated, before any row is inserted.
/// </summary>
internal sealed class ComplianceDraft
{
    private readonly List<object?[]> _generated;
    private readonly List<object?[]> _rows;
    private readonly List<Spoiled> _spoiled = [];
    private readonly DateOnly _dataDate;

    private sealed record Spoiled(object?[] Row, int Column, string Code, bool IsWarning, string Typed, Func<Func<object?[], int>, string> Why);

    /// <param name="rows">Valid rows of <see cref="ComplianceSheet.Rows"/> for <paramref name="dataDate"/>.</param>
    /// <param name="dataDate">The snapshot's date, the sheet's "Tanggal Data".</param>
    public ComplianceDraft(IEnumerable<object?[]> rows, DateOnly dataDate)
    {
        _generated = [.. rows];
        _rows = [.. _generated];
        _dataDate = dataDate;
    }

    public IReadOnlyList<object?[]> Generated => _generated;

    /// <summary>A digit of the NPP left out: 7 digits, typed with dots.</summary>
    public void NppMissingADigit(int no)
    {
        var row = _generated[no - 1];
        var npp = Digits(row[Column.Npp]).Remove(5, 1);
        var typed = $"{npp[..2]}.{npp[2..5]}.{npp[5..]}";
        row[Column.Npp] = typed;
        _spoiled.Add(new(row, Column.Npp, "NPP_FORMAT", false, typed, _ => "7 digits: a digit left out; an NPP has 8."));
    }

    /// <summary>
    /// The same employer listed twice (two officers merged their lists): a copy of row <paramref name="no"/> after row
    /// <paramref name="after"/>, its NPP typed the other way (with dots where the first has none, or without) and its
    /// name in capitals. The NPP is the same once the dots are dropped.
    /// </summary>
    public void DuplicateOf(int no, int after)
    {
        var first = _generated[no - 1];
        var copy = (object?[])first.Clone();
        var npp = Digits(first[Column.Npp]);
        copy[Column.Npp] = first[Column.Npp] is string typed && typed.Contains('.', StringComparison.Ordinal)
            ? npp
            : $"{npp[..2]}.{npp[2..5]}.{npp[5..]}";
        copy[Column.CompanyName] = ((string)copy[Column.CompanyName]!).ToUpperInvariant();
        _rows.Insert(_rows.IndexOf(_generated[after - 1]) + 1, copy);
        _spoiled.Add(new(copy, Column.Npp, "DUPLICATE_IN_FILE", false, (string)copy[Column.Npp]!,
            rowNumber => $"Same NPP as row {rowNumber(first)} (typed {first[Column.Npp]}): the first is kept, this one is rejected."));
    }

    /// <summary>An amount owed that is not one: negative ("-Rp 4.500.000", a credit typed as a minus) or words.</summary>
    public void AmountNotUsable(int no, string typed, string why)
    {
        var row = InArrears(_generated[no - 1], months: 3);
        row[Column.ArrearsIdr] = typed;
        _spoiled.Add(new(row, Column.ArrearsIdr, "AMOUNT_FORMAT", false, typed, _ => why));
    }

    /// <summary>A follow-up step the compliance team does not have ("Surat Teguran 3": there are two warning letters).</summary>
    public void UnknownFollowup(int no, string typed, string why)
    {
        var row = InArrears(_generated[no - 1], months: 5);
        row[Column.FollowupStatus] = typed;
        _spoiled.Add(new(row, Column.FollowupStatus, "FOLLOWUP_UNKNOWN", false, typed, _ => why));
    }

    /// <summary>A follow-up dated after the data date: a step taken after the list was drawn, typed into it.</summary>
    public void FollowupAfterDataDate(int no, DateOnly date, string typed)
    {
        var row = InArrears(_generated[no - 1], months: 2);
        row[Column.FollowupStatus] = "Surat Teguran 1";
        row[Column.FollowupOn] = typed;
        _spoiled.Add(new(row, Column.FollowupOn, "DATE_IN_FUTURE", false, typed,
            _ => $"{date:dd/MM/yyyy} is after the data date {_dataDate:dd/MM/yyyy}: the list cannot know it."));
    }

    /// <summary>A payment dated after the data date, on an employer that is paid up (so the months still agree).</summary>
    public void PaymentAfterDataDate(int no, DateOnly date, string typed)
    {
        var row = _generated[no - 1];
        row[Column.ArrearsMonths] = 0;
        row[Column.ArrearsIdr] = "-";
        row[Column.FollowupStatus] = null;
        row[Column.FollowupOn] = null;
        row[Column.LastPaidOn] = typed;
        _spoiled.Add(new(row, Column.LastPaidOn, "DATE_IN_FUTURE", false, typed,
            _ => $"{date:dd/MM/yyyy} is after the data date {_dataDate:dd/MM/yyyy}: a payment received later, typed into this list."));
    }

    /// <summary>
    /// Warning: the months in arrears left as they were while the last payment says far more months have passed
    /// (the column not updated since that payment). The row is kept.
    /// </summary>
    public void MonthsNotMatchingLastPayment(int no, int months, DateOnly lastPaid, string typed)
    {
        var row = InArrears(_generated[no - 1], months);
        row[Column.LastPaidOn] = typed;
        var since = WholeMonths(lastPaid, _dataDate);
        _spoiled.Add(new(row, Column.ArrearsMonths, "ARREARS_INCONSISTENT", true, months.ToString(CultureInfo.InvariantCulture),
            _ => $"{months} {(months == 1 ? "month" : "months")} in arrears, but the last payment ({typed}) was {since} whole months before the data date. Kept, with a warning."));
    }

    /// <summary>Warning: months in arrears with no amount ("-", the office's "not known yet"). The row is kept.</summary>
    public void ArrearsWithoutAmount(int no, string typed)
    {
        var row = InArrears(_generated[no - 1], months: 4);
        row[Column.ArrearsIdr] = typed;
        _spoiled.Add(new(row, Column.ArrearsIdr, "ARREARS_ZERO_AMOUNT", true, typed,
            _ => "4 months in arrears and no amount: the amount owed is still to be worked out. Kept, with a warning."));
    }

    /// <summary>
    /// The rows in sheet order, "No" counting the rows, and what validation should find in them by spreadsheet row:
    /// <paramref name="firstRow"/> is the row (CSV line) of the first data row.
    /// </summary>
    public (IReadOnlyList<object?[]> Rows, IReadOnlyList<SampleFinding> Findings) Build(int firstRow)
    {
        var no = 0;
        foreach (var row in _rows)
        {
            row[Column.No] = ++no;
        }
        int RowNumber(object?[] row) => firstRow + _rows.IndexOf(row);
        var findings = _spoiled
            .Select(s => new SampleFinding(RowNumber(s.Row), EnrolmentDraft.CellName(s.Column, RowNumber(s.Row)), s.Code, s.IsWarning, s.Typed, s.Why(RowNumber)))
            .OrderBy(f => f.Row)
            .ToList();
        return (_rows, findings);
    }

    public int RowCount => _rows.Count;

    /// <summary>
    /// Makes the row an employer <paramref name="months"/> months in arrears, everything else agreeing: the amount
    /// (months x reported workers x Rp 180.000), the last payment that many months before the data date, a follow-up
    /// step taken before it.
    /// </summary>
    private object?[] InArrears(object?[] row, int months)
    {
        var reported = (int)row[Column.ReportedWorkers]!;
        row[Column.ArrearsMonths] = months;
        row[Column.ArrearsIdr] = OfficeHabits.Rupiah((long)months * reported * 180_000);
        row[Column.LastPaidOn] = _dataDate.AddMonths(-months).AddDays(-3);
        row[Column.FollowupStatus] ??= months < 4 ? "Surat Teguran 1" : "Surat Teguran 2";
        row[Column.FollowupOn] = _dataDate.AddDays(-20);
        return row;
    }

    private static string Digits(object? npp) => new([.. ((string)npp!).Where(char.IsAsciiDigit)]);

    /// <summary>Whole calendar months from one date to a later one, as validation counts them.</summary>
    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day && to.Day != DateTime.DaysInMonth(to.Year, to.Month) ? months - 1 : months;
    }
}
