using Jamsostek.TestData;

namespace Jamsostek.Samples;

public enum SheetFormat
{
    Xlsx,
    Xls,
    Csv,
}

/// <summary>
/// Valid sheets of any size for tests and the benchmark, no faults, no habits, written as they are generated (rows
/// are never all in memory): an enrolment sheet (the header on row 1, then synthetic workers of the region under its
/// sample PKS, or a calendar-year PKS for another region), or a compliance sheet (the title, "Tanggal Data", a blank
/// row, the header on row 4, then the region's employers on that date).
/// </summary>
public static class SyntheticSheet
{
    /// <summary>Rows an .xls holds below its header.</summary>
    public const int MaxXlsRows = SpreadsheetWriter.XlsMaxRows - 1;

    /// <summary>Employer rows an .xls holds below the compliance sheet's title, data date, blank row and header.</summary>
    public const int MaxXlsComplianceRows = SpreadsheetWriter.XlsMaxRows - 4;

    public static void Write(Stream output, int rows, string regionCode, SheetFormat format, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (format == SheetFormat.Xls)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxXlsRows);
        }
        var pks = SampleAgreements.For(regionCode);
        WriteSheet(output, EnrolmentSheet.Sheet(rows, pks.Regency.Code, pks.Number, pks.Start, pks.End, seed), format);
    }

    /// <summary>
    /// <paramref name="rows"/> employers of the region on <paramref name="dataDate"/>, every row valid: unique NPPs
    /// (every third typed with dots), months in arrears agreeing with the last payment, an amount for each month owed.
    /// </summary>
    public static void WriteCompliance(Stream output, int rows, string regionCode, SheetFormat format, DateOnly dataDate, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (format == SheetFormat.Xls)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxXlsComplianceRows);
        }
        var region = Regencies.Get(regionCode).Code;
        WriteSheet(output, ComplianceSheet.Sheet(region, ComplianceSheet.Rows(rows, region, dataDate, seed), dataDate), format);
    }

    private static void WriteSheet(Stream output, SheetSpec sheet, SheetFormat format)
    {
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
