using Jamsostek.Core.Findings;
using Jamsostek.Core.Sheets;
using Sylvan.Data.Csv;

namespace Jamsostek.Core.Ingestion.Reading;

/// <summary>
/// A CSV file as a one-sheet workbook, through Sylvan's CSV reader: encoding and delimiter detected, every cell
/// text (empty cells null), row numbers counted as records from 1.
/// </summary>
public sealed class CsvWorkbookReader : IWorkbookReader
{
    private const int SampleChars = 64 * 1024;

    private readonly Stream _file;
    private readonly IngestionLimits _limits;
    private readonly System.Text.Encoding _encoding;
    private readonly char _delimiter;

    private CsvWorkbookReader(Stream file, IngestionLimits limits, string sheetName, System.Text.Encoding encoding, char delimiter)
    {
        _file = file;
        _limits = limits;
        _encoding = encoding;
        _delimiter = delimiter;
        Sheets = [new SheetInfo(0, sheetName, Hidden: false)];
    }

    public IReadOnlyList<SheetInfo> Sheets { get; }

    public char Delimiter => _delimiter;

    public System.Text.Encoding Encoding => _encoding;

    public static CsvWorkbookReader Open(Stream file, string sheetName, IngestionLimits limits)
    {
        var encoding = TextEncodingDetector.Detect(file);
        char delimiter;
        using (var sample = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            var buffer = new char[SampleChars];
            var read = sample.ReadBlock(buffer, 0, buffer.Length);
            delimiter = CsvDialect.DetectDelimiter(buffer.AsSpan(0, read));
        }
        file.Position = 0;
        return new CsvWorkbookReader(file, limits, sheetName, encoding, delimiter);
    }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex)
    {
        _file.Position = 0;
        var text = new StreamReader(_file, _encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var csv = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = _delimiter,
            BufferSize = 1 << 16,
            MaxBufferSize = 1 << 22, // One record may not be larger than 4M characters.
            OwnsReader = true,
        });
        using (csv)
        {
            var cells = new object?[16];
            while (Read(csv))
            {
                var count = csv.RowFieldCount;
                if (count > _limits.MaxColumns)
                {
                    throw new UploadRejectedException(FindingCode.FileUnreadable, $"row has {count} columns, more than {_limits.MaxColumns}", count, _limits.MaxColumns);
                }
                if (count > cells.Length)
                {
                    Array.Resize(ref cells, Math.Max(count, cells.Length * 2));
                }
                for (var i = 0; i < count; i++)
                {
                    var value = csv.GetString(i);
                    cells[i] = value.Length == 0 ? null : value;
                }
                yield return new SheetRow(csv.RowNumber, cells, count);
            }
        }
    }

    public void Dispose()
    {
    }

    private static bool Read(CsvDataReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, "a CSV record is larger than 4 million characters");
        }
        catch (CsvFormatException ex)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, $"malformed CSV near record {ex.RowNumber}");
        }
    }
}
