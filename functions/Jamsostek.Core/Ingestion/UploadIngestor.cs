using Jamsostek.Core.Findings;
using Jamsostek.Core.Ingestion.Reading;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Sheets;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// Reads an uploaded file into chunks of staged rows: detects the format from the bytes, checks the archive,
/// finds the sheet and its header below any title rows, recognises agreements or enrolments, then streams the
/// rows below the header into chunks. Anything that makes the file unusable throws
/// <see cref="UploadRejectedException"/>: what concerns the file as a whole before the first chunk is written; what
/// only shows further down (another region's row, a damaged part, a row too wide) after chunks may have gone to
/// the sink, which the caller then discards.
/// </summary>
public static class UploadIngestor
{
    public static async Task<IngestionResult> IngestAsync(Stream file, string fileName, RegionCode region, IChunkSink sink,
        IngestionOptions options, CancellationToken cancellationToken = default)
    {
        var started = options.Clock.GetTimestamp();
        var format = FileSniffer.Detect(file, fileName, options.Limits);
        using var reader = OpenReader(file, fileName, format, options.Limits);
        var (sheet, layout, top) = ChooseSheet(reader, options);
        var dataDate = layout.Kind == SheetKind.Compliance ? SnapshotDate(top, layout, sheet.Name, options) : null;
        var staged = await StageRowsAsync(reader, sheet, layout, region, sink, options, started, cancellationToken);
        if (staged.RowsRead == 0)
        {
            throw new UploadRejectedException(FindingCode.FileEmpty, "the header has no rows below it", sheet.Name);
        }
        return new IngestionResult(format, layout.Kind, sheet.Name, layout.HeaderRowNumber, layout.HeaderTexts, layout.FieldColumns(),
            staged.RowsRead, staged.BlankRows, staged.Chunks, options.ChunkSize)
        {
            DataDate = dataDate,
        };
    }

    /// <summary>A reader for the detected format; an .xlsx archive is checked first (encryption, zip bombs, damaged parts).</summary>
    private static IWorkbookReader OpenReader(Stream file, string fileName, FileFormat format, IngestionLimits limits)
    {
        if (format == FileFormat.Xlsx)
        {
            WorkbookArchiveInspector.Inspect(file, limits);
        }
        return format == FileFormat.Csv
            ? CsvWorkbookReader.Open(file, Path.GetFileName(fileName), limits)
            : ExcelWorkbookReader.Open(file, format, limits);
    }

    /// <summary>
    /// Streams the rows below the header into chunks of <see cref="IngestionOptions.ChunkSize"/>, each handed to the sink
    /// as soon as it is full; blank rows are skipped and counted, within the read-time and staged-text budgets.
    /// </summary>
    private static async Task<StagedCounts> StageRowsAsync(IWorkbookReader reader, SheetInfo sheet, SheetLayout layout, RegionCode region,
        IChunkSink sink, IngestionOptions options, long started, CancellationToken cancellationToken)
    {
        var writer = new StagedRowWriter(options.ChunkSize, options.Limits.MaxCellCharacters);
        long stagedBytes = 0;
        var repeats = new RepeatedKeys(layout.Kind);
        var rowsRead = 0;
        var blankRows = 0;
        var blankRun = 0;
        var chunks = 0;
        foreach (var row in reader.ReadRows(sheet.Index))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CheckReadTime(row.RowNumber, started, options);
            if (row.RowNumber <= layout.HeaderRowNumber)
            {
                continue;
            }
            // Read to the sheet's last row however many blank rows come before it: rows after a long run of formatted
            // but empty ones are the office's rows too. Blank rows between data rows count; a blank tail does not.
            if (row.IsBlank)
            {
                blankRun++;
                continue;
            }
            blankRows += blankRun;
            blankRun = 0;
            var mapped = layout.Map(row);
            if (layout.Kind == SheetKind.Agreements)
            {
                CheckRegion(mapped, region, sheet.Name);
            }
            writer.Write(mapped, repeats.FirstRowOf(mapped));
            stagedBytes += writer.LastRowBytes;
            StagedTextBudget.Check(options.Limits, row.RowNumber, writer.LastRowBytes, writer.PendingBytes, stagedBytes);
            rowsRead++;
            if (writer.RowCount == options.ChunkSize)
            {
                await sink.WriteChunkAsync(++chunks, writer.Flush(), options.ChunkSize, cancellationToken);
            }
        }
        if (writer.RowCount > 0)
        {
            var count = writer.RowCount;
            await sink.WriteChunkAsync(++chunks, writer.Flush(), count, cancellationToken);
        }
        return new StagedCounts(rowsRead, blankRows, chunks);
    }

    /// <summary>Every 256 rows: a file still being read after <see cref="IngestionLimits.MaxReadTime"/> is rejected as unreadable.</summary>
    private static void CheckReadTime(int rowNumber, long started, IngestionOptions options)
    {
        var limit = options.Limits.MaxReadTime;
        if ((rowNumber & 0xFF) == 0 && options.Clock.GetElapsedTime(started) > limit)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, $"reading took longer than {limit} (row {rowNumber})",
                new ReadTimeExceeded(rowNumber, limit));
        }
    }

    private readonly record struct StagedCounts(int RowsRead, int BlankRows, int Chunks);

    /// <summary>
    /// The date a compliance snapshot describes, from its "Tanggal Data" line; null when the sheet has none (the upload's
    /// date is used). A line whose date cannot be read, or lies after today, rejects the file: a snapshot filed under the
    /// wrong date would compare employers against the wrong week.
    /// </summary>
    private static DateOnly? SnapshotDate(List<SheetRow> top, SheetLayout layout, string sheet, IngestionOptions options)
    {
        if (DataDateLabel.Find(top.Where(row => row.RowNumber < layout.HeaderRowNumber)) is not { } found)
        {
            return null;
        }
        if (found.Date is { } date && (options.Today is not { } today || date <= today))
        {
            return date;
        }
        var code = found.Date is null ? FindingCode.DateFormat : FindingCode.DateInFuture;
        throw new UploadRejectedException(
            [new Finding(code, Severity.Error, FileMessages.DataDateUnusable(found, options.Today), sheet, found.Row, found.Cell, "data_date", found.Text)],
            $"the data date in {found.Cell} is {(found.Date is null ? "not a date" : "after today")}");
    }

    /// <summary>
    /// The first visible sheet with a recognisable header; hidden sheets only when no visible one has one, not even
    /// one with a missing or repeated column (an old list kept hidden is not read in place of the office's sheet).
    /// A header with a missing or repeated column rejects the file with its findings.
    /// </summary>
    private static (SheetInfo Sheet, SheetLayout Layout, List<SheetRow> Top) ChooseSheet(IWorkbookReader reader, IngestionOptions options)
    {
        (HeaderDetection Detection, List<SheetRow> Top, string Sheet)? firstFailure = null;
        foreach (var sheet in reader.Sheets.OrderBy(s => s.Hidden))
        {
            if (sheet.Hidden && firstFailure is { Detection.Found: true })
            {
                break;
            }
            var top = new List<SheetRow>();
            foreach (var row in reader.ReadRows(sheet.Index))
            {
                // The reader reuses its row buffer: keep copies.
                top.Add(row with { Cells = row.Cells[..row.CellCount] });
                if (top.Count == options.Limits.HeaderSearchRows)
                {
                    break;
                }
            }
            var detection = HeaderDetector.Detect(top, sheet.Name);
            if (detection.IsUsable)
            {
                return (sheet, detection.Layout, top);
            }
            // A recognised header with a missing column says more to the office than "no header".
            if (firstFailure is null || (detection.Found && !firstFailure.Value.Detection.Found))
            {
                firstFailure = (detection, top, sheet.Name);
            }
        }
        if (firstFailure is not { Detection.Findings.Count: > 0 } failure)
        {
            throw new UploadRejectedException(FindingCode.FileEmpty, "the workbook has no sheet with rows");
        }
        throw new UploadRejectedException(
            failure.Detection.Findings,
            string.Join("; ", failure.Detection.Findings.Select(f => f.Code)));
    }

    private static void CheckRegion(MappedRow row, RegionCode region, string sheet)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.Field.Name != FieldNames.RegionCode || cell.IsEmpty)
            {
                continue;
            }
            var text = FieldValues.StagedText(cell.Value);
            if (!RegionCode.TryParse(text, out var written) || written.Value != region)
            {
                var (rowNumber, address, field) = (cell.RowNumber, cell.Cell, cell.Field.Name);
                throw new UploadRejectedException(
                    [new Finding(FindingCode.RegionMismatch, Severity.Error,
                        FileMessages.RegionMismatch(text, region.Value, address), sheet, rowNumber, address, field, text)],
                    $"region {text} in {address} differs from the upload folder {region}");
            }
        }
    }
}
