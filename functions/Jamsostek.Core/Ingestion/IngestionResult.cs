using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// What ingestion read. Counts reconcile: <see cref="RowsRead"/> rows below the header went into chunks (each
/// exactly once); blank rows are counted apart and not staged.
/// </summary>
public sealed record IngestionResult(
    FileFormat Format,
    SheetKind Kind,
    string Sheet,
    int HeaderRow,
    IReadOnlyList<string?> Columns,
    IReadOnlyDictionary<string, string> FieldColumns,
    int RowsRead,
    int BlankRows,
    int Chunks,
    int ChunkSize)
{
    /// <summary>The date a compliance snapshot says it describes ("Tanggal Data" above the header); null when it says none.</summary>
    public DateOnly? DataDate { get; init; }
}
