namespace Jamsostek.Core.Ingestion;

public enum FileFormat
{
    /// <summary>Office Open XML workbook (a zip).</summary>
    Xlsx,

    /// <summary>Legacy Excel 97-2003 workbook (BIFF8 in an OLE compound file).</summary>
    Xls,

    /// <summary>Delimited text.</summary>
    Csv,
}
