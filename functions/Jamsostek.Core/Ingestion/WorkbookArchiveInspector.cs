using System.IO.Compression;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// Checks an .xlsx archive before any XML in it is read: a readable zip, a workbook inside (not a .docx or a
/// random zip), no path tricks in entry names, and no zip bomb (total size and compression ratio).
/// </summary>
public static class WorkbookArchiveInspector
{
    public static void Inspect(Stream file, IngestionLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, $"not a readable zip archive (truncated or damaged): {ex.Message}");
        }
        using (archive)
        {
            if (archive.Entries.Count > limits.MaxZipEntries)
            {
                throw new UploadRejectedException(FindingCode.FileUnreadable, $"{archive.Entries.Count} entries in the archive");
            }
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\') || name.Contains(':'))
                {
                    throw new UploadRejectedException(FindingCode.FileUnreadable, "an archive entry name escapes the archive");
                }
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                {
                    throw new UploadRejectedException(FindingCode.FileTooLarge, $"more than {limits.MaxUncompressedBytes} bytes once decompressed", total, limits.MaxUncompressedBytes);
                }
                // Small entries compress oddly well (a run of spaces); only ratios on sizeable entries tell a bomb.
                if (entry.Length > 1_000_000 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new UploadRejectedException(FindingCode.FileTooLarge,
                        $"entry compressed {entry.Length / Math.Max(1, entry.CompressedLength)} to 1: a zip bomb", total, limits.MaxUncompressedBytes);
                }
                if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase) || name.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase))
                {
                    hasWorkbook = true;
                }
            }
            if (!hasWorkbook)
            {
                throw new UploadRejectedException(FindingCode.FileType, "a zip archive without a workbook (not an .xlsx)", "zip");
            }
        }
        file.Position = 0;
    }
}
