using Column = Jamsostek.TestData.ComplianceSheet.Columns;

namespace Jamsostek.Samples;

/// <summary>
/// How a branch office fills a compliance list when every value is still valid: amounts owed typed as
/// "Rp 12.500.000", a paid-up employer's amount as "-" or left empty, dates typed as "28 Oktober 2025" (or
/// "28 Okt 2025", "28-10-2025"), follow-up steps in the short forms the compliance team uses ("ST 1", "Teguran II",
/// "Kejaksaan", "Angsuran"). NPPs typed with dots come from the generator (every third row). Each is the share of
/// rows that show it.
/// </summary>
internal sealed record ComplianceHabits
{
    public double AmountAsText { get; init; }

    public double PaidUpAmountAsDash { get; init; }

    public double TextDates { get; init; }

    public double ShortFollowupWords { get; init; }

    private static readonly int[] DateFormats = [2, 2, 3, 0];

    public void Apply(IEnumerable<object?[]> rows, int seed)
    {
        var random = new Random(seed);
        foreach (var row in rows)
        {
            // Every habit draws for every row, so changing one share does not reshuffle the others.
            var amount = random.NextDouble();
            var paidUp = random.NextDouble();
            var paidUpEmpty = random.Next(2);
            var dates = random.NextDouble();
            var dateFormat = DateFormats[random.Next(DateFormats.Length)];
            var followup = random.NextDouble();

            var owed = row[Column.ArrearsIdr] is long value ? value : 0L;
            if (owed > 0 && amount < AmountAsText)
            {
                row[Column.ArrearsIdr] = OfficeHabits.Rupiah(owed);
            }
            if (owed == 0 && paidUp < PaidUpAmountAsDash)
            {
                row[Column.ArrearsIdr] = paidUpEmpty == 0 ? "-" : null;
            }
            if (dates < TextDates)
            {
                foreach (var column in (int[])[Column.LastPaidOn, Column.FollowupOn])
                {
                    if (row[column] is DateOnly date)
                    {
                        row[column] = OfficeHabits.TypedDate(date, dateFormat);
                    }
                }
            }
            if (followup < ShortFollowupWords)
            {
                row[Column.FollowupStatus] = row[Column.FollowupStatus] switch
                {
                    "Surat Teguran 1" => "ST 1",
                    "Surat Teguran 2" => "Teguran II",
                    "Diserahkan ke Kejaksaan" => "Kejaksaan",
                    "Cicilan" => "Angsuran",
                    "Belum Ditindaklanjuti" => "Belum",
                    var other => other,
                };
            }
        }
    }
}
