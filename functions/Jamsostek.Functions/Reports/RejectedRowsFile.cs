using System.Text.Json;
using Jamsostek.Core.Exports;
using Jamsostek.Core.Sheets;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Functions.Staging;
using Jamsostek.Functions.Uploads;

namespace Jamsostek.Functions.Reports;

/// <summary>
/// The rejected rows as the office typed them, under the sheet's own header row, with a last column of reasons:
/// fix the cells, delete the reasons column if you like, and upload the file again. Written as XLSX and CSV
/// (<c>;</c>-separated, UTF-8 with BOM: what Excel in an Indonesian locale opens cleanly).
/// </summary>
public static class RejectedRowsFile
{
    public const string ReasonsHeader = "Alasan Penolakan";
    public const string ReasonsHeaderEn = "Rejection Reasons";

    public static async Task WriteAsync(ReportStore reports, StagingStore staging, UploadRecord record, CancellationToken cancellationToken)
    {
        var manifest = StagingManifest.Deserialize(await staging.ReadAsync(StagingStore.ManifestBlobName(record.UploadId), cancellationToken));
        var header = manifest.Columns.Select((text, index) => text ?? CellAddress.ColumnName(index)).Append(ReasonsHeader).Append(ReasonsHeaderEn).ToList();
        var letters = Enumerable.Range(0, manifest.Columns.Count).Select(CellAddress.ColumnName).ToArray();

        await using var xlsxStream = await reports.OpenWriteAsync(ReportBlobNames.RejectedRowsXlsx(record.UploadId), cancellationToken);
        await using var csvStream = await reports.OpenWriteAsync(ReportBlobNames.RejectedRowsCsv(record.UploadId), cancellationToken);
        await using var xlsx = new XlsxTableWriter(xlsxStream, "Baris Ditolak");
        await using var csv = new CsvTableWriter(csvStream, CsvTableWriterOptions.IndonesianExcel);
        xlsx.WriteHeader(header);
        csv.WriteHeader(header);
        var cells = new TableCell[header.Count];
        for (var chunk = 1; chunk <= record.Chunks; chunk++)
        {
            var part = await reports.ReadPartAsync(ReportStore.RejectedPart(record.UploadId, chunk), cancellationToken);
            foreach (var line in JsonLines.Split(part.ToMemory()))
            {
                var row = JsonSerializer.Deserialize(line.Span, ReportPartJsonContext.Default.RejectedRowLine)!;
                for (var i = 0; i < letters.Length; i++)
                {
                    // Text as typed, so a NIK stays text in the file the office fixes.
                    cells[i] = TableCell.FromText(row.Cells.TryGetValue(letters[i], out var text) ? text : null);
                }
                cells[^2] = row.Reasons(Language.Id);
                cells[^1] = row.Reasons(Language.En);
                await xlsx.WriteRowAsync(cells, cancellationToken);
                await csv.WriteRowAsync(cells, cancellationToken);
            }
        }
        await xlsx.CompleteAsync(cancellationToken);
        await csv.CompleteAsync(cancellationToken);
    }
}
