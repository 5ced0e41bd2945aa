using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Ingestion.Reading;

/// <summary>A sheet of the workbook: its position, name and whether Excel shows it.</summary>
public sealed record SheetInfo(int Index, string Name, bool Hidden);

/// <summary>
/// Forward-only access to a workbook's sheets and rows: one row in memory at a time, whatever the file's size.
/// Errors in the file surface as <see cref="UploadRejectedException"/>.
/// </summary>
public interface IWorkbookReader : IDisposable
{
    IReadOnlyList<SheetInfo> Sheets { get; }

    /// <summary>The rows of one sheet, from the top; each call starts the sheet again.</summary>
    IEnumerable<SheetRow> ReadRows(int sheetIndex);
}
