namespace Jamsostek.Samples;

/// <summary>
/// A finding validation should report for a sample row, as the office sees it: spreadsheet row (title rows and
/// header included; the line for CSV), cell, code, what was typed (NIK masked) and why.
/// </summary>
public sealed record SampleFinding(int Row, string Cell, string Code, bool IsWarning, string Typed, string Why);

/// <summary>
/// One file of samples/: where it is uploaded, what ingestion should read from it (rows holding data, and the
/// spreadsheet rows left blank between them), what validation should find, and how to write it.
/// </summary>
public sealed record SampleFile(
    string Region,
    string FileName,
    string Kind,
    int Rows,
    IReadOnlyList<int> BlankRows,
    IReadOnlyList<SampleFinding> Findings,
    Action<Stream> Write)
{
    /// <summary>"5204/peserta-sumbawa-2026.xlsx": the path below samples/ and the blob name below uploads/.</summary>
    public string RelativePath => $"{Region}/{FileName}";
}
