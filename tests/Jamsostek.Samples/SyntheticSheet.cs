using Jamsostek.TestData;

namespace Jamsostek.Samples;

public enum SheetFormat
{
    Xlsx,
    Xls,
    Csv,
}

/// <summary>
/// A valid enrolment sheet of any size for tests and the benchmark: the header on row 1, then synthetic workers
/// of the region under its sample PKS (or a calendar-year PKS for another region). No faults, no habits.
/// </summary>
public static class SyntheticSheet
{
    /// <summary>Rows an .xls holds below its header.</summary>
    public const int MaxXlsRows = SpreadsheetWriter.XlsMaxRows - 1;

    public static void Write(Stream output, int rows, string regionCode, SheetFormat format, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (format == SheetFormat.Xls)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxXlsRows);
        }
        var pks = SampleAgreements.For(regionCode);
        var sheet = EnrolmentSheet.Sheet(rows, pks.Regency.Code, pks.Number, pks.Start, pks.End, seed);
        switch (format)
        {
            case SheetFormat.Xlsx:
                SpreadsheetWriter.WriteXlsx(output, [sheet]);
                break;
            case SheetFormat.Xls:
                SpreadsheetWriter.WriteXls(output, [sheet]);
                break;
            default:
                SpreadsheetWriter.WriteCsv(output, sheet.Rows);
                break;
        }
    }
}
