using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Sheets;

namespace Jamsostek.Core.Ingestion.Reading;

/// <summary>
/// .xlsx and .xls through ExcelDataReader: forward-only XML for .xlsx, BIFF8 records for .xls; cached values
/// of formula cells; cells typed as the sheet holds them (date-formatted numbers come back as dates).
/// </summary>
public sealed class ExcelWorkbookReader : IWorkbookReader
{
    private readonly IExcelDataReader _reader;
    private readonly IngestionLimits _limits;

    static ExcelWorkbookReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private ExcelWorkbookReader(IExcelDataReader reader, IngestionLimits limits, IReadOnlyList<SheetInfo> sheets)
    {
        _reader = reader;
        _limits = limits;
        Sheets = sheets;
    }

    public IReadOnlyList<SheetInfo> Sheets { get; }

    public static ExcelWorkbookReader Open(Stream file, FileFormat format, IngestionLimits limits)
    {
        var configuration = new ExcelReaderConfiguration { LeaveOpen = true };
        IExcelDataReader? reader = null;
        try
        {
            reader = Guard(() => format == FileFormat.Xls
                ? ExcelReaderFactory.CreateBinaryReader(file, configuration)
                : ExcelReaderFactory.CreateOpenXmlReader(file, configuration));
            // A workbook always lists at least one sheet; none means its sheet list is damaged (a record that
            // swallowed it, say), and that file is unreadable, not a sheet without a header.
            if (reader.ResultsCount == 0)
            {
                throw new UploadRejectedException(FindingCode.FileUnreadable, "the workbook lists no sheets");
            }
            var sheets = new List<SheetInfo>();
            var index = 0;
            do
            {
                var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);
                sheets.Add(new SheetInfo(index++, reader.Name ?? $"Sheet{index}", hidden));
            }
            while (Guard(reader.NextResult));
            return new ExcelWorkbookReader(reader, limits, sheets);
        }
        catch
        {
            reader?.Dispose();
            throw;
        }
    }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex)
    {
        Guard(() => { _reader.Reset(); return true; });
        for (var i = 0; i < sheetIndex; i++)
        {
            Guard(_reader.NextResult);
        }
        var columns = _reader.FieldCount;
        if (columns > _limits.MaxColumns)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, $"sheet has {columns} columns, more than {_limits.MaxColumns}", columns, _limits.MaxColumns);
        }
        var cells = new object?[Math.Max(columns, 1)];
        while (Guard(_reader.Read))
        {
            var count = Math.Min(_reader.FieldCount, cells.Length);
            for (var i = 0; i < count; i++)
            {
                cells[i] = Guard(() => _reader.GetValue(i));
            }
            yield return new SheetRow(_reader.Depth + 1, cells, count);
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Turns the reader's many exception types into the file-level finding the office understands.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidPasswordException)
        {
            throw new UploadRejectedException(FindingCode.FileEncrypted, "password-protected workbook");
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, "the workbook's XML declares a DTD (entity expansion is refused)");
        }
        catch (Exception ex) when (ex is ExcelReaderException or XmlException or InvalidDataException or EndOfStreamException
            or IOException or FormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or NullReferenceException or OverflowException or NotSupportedException)
        {
            throw new UploadRejectedException(FindingCode.FileUnreadable, $"the workbook is damaged or not a workbook ({ex.GetType().Name})");
        }
    }
}
