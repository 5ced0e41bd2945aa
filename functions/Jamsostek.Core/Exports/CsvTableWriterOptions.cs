namespace Jamsostek.Core.Exports;

public sealed record CsvTableWriterOptions
{
    /// <summary>Comma, the RFC 4180 default.</summary>
    public static CsvTableWriterOptions Default { get; } = new();

    /// <summary>
    /// Semicolon: Excel in an Indonesian locale (where the comma is the decimal separator) splits a double-clicked
    /// CSV file on semicolons, not commas.
    /// </summary>
    public static CsvTableWriterOptions IndonesianExcel { get; } = new() { Delimiter = ';' };

    /// <summary>An ASCII character other than the double quote, CR or LF.</summary>
    public char Delimiter { get; init; } = ',';
}
