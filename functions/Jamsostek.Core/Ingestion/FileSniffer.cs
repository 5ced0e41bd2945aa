using System.Text;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// Recognises what a file is from its bytes, not its name: offices rename files, and a PDF or a photo
/// called .xlsx must get a clear answer rather than a parser's stack trace.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] EmptyZip = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>Detects the format of a seekable file (left at position 0) or throws <see cref="UploadRejectedException"/>.</summary>
    public static FileFormat Detect(Stream file, string fileName, IngestionLimits limits)
    {
        if (file.Length == 0)
        {
            throw new UploadRejectedException(FindingCode.FileEmpty, "the file has no bytes");
        }
        if (file.Length > limits.MaxFileBytes)
        {
            throw new UploadRejectedException(FindingCode.FileTooLarge, $"{file.Length} bytes, more than {limits.MaxFileBytes}", file.Length, limits.MaxFileBytes);
        }
        Span<byte> head = stackalloc byte[512];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        file.Position = 0;

        if (head.StartsWith(Zip) || head.StartsWith(EmptyZip))
        {
            return FileFormat.Xlsx;
        }
        if (head.StartsWith(Ole))
        {
            // An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream.
            if (Contains(file, EncryptedPackage))
            {
                throw new UploadRejectedException(FindingCode.FileEncrypted, "password-protected workbook (encrypted OOXML package)");
            }
            return FileFormat.Xls;
        }
        if (KnownOtherType(head) is { } other)
        {
            throw new UploadRejectedException(FindingCode.FileType, $"the file is {other}, not a spreadsheet", other);
        }
        if (LooksLikeText(head, file))
        {
            return FileFormat.Csv;
        }
        // The name says nothing the office does not know: the message calls it a binary file, the detail keeps the extension.
        throw new UploadRejectedException(FindingCode.FileType, $"binary content that is neither Excel nor text (named {Path.GetExtension(fileName)})");
    }

    private static string? KnownOtherType(ReadOnlySpan<byte> head) => head switch
    {
        _ when head.StartsWith("%PDF"u8) => "PDF",
        _ when head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) => "PNG image",
        _ when head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "JPEG image",
        _ when head.StartsWith("GIF8"u8) => "GIF image",
        _ when head.StartsWith("Rar!"u8) => "RAR archive",
        _ when head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) => "gzip archive",
        _ when head.StartsWith("7z"u8) && head.Length > 2 && head[2] == 0xBC => "7-Zip archive",
        _ when head.StartsWith("{\\rtf"u8) => "RTF document",
        _ when head.StartsWith("<?xml"u8) || head.StartsWith("<html"u8) || head.StartsWith("<!DOCTYPE"u8) => "XML or HTML document",
        _ => null,
    };

    /// <summary>Text has no NUL bytes (UTF-16 files start with a byte order mark and are accepted).</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head, Stream file)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        var buffer = new byte[64 * 1024];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        file.Position = 0;
        var sample = buffer.AsSpan(0, read);
        if (sample.IndexOf((byte)0) >= 0)
        {
            return false;
        }
        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A))
            {
                control++;
            }
        }
        return control <= sample.Length / 100;
    }

    private static bool Contains(Stream file, ReadOnlySpan<byte> needle)
    {
        var buffer = new byte[1 << 16];
        var carry = 0;
        try
        {
            int read;
            while ((read = file.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var window = buffer.AsSpan(0, carry + read);
                if (window.IndexOf(needle) >= 0)
                {
                    return true;
                }
                carry = Math.Min(needle.Length - 1, window.Length);
                window[^carry..].CopyTo(buffer);
            }
            return false;
        }
        finally
        {
            file.Position = 0;
        }
    }
}
