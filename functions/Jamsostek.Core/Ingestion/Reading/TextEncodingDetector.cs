using System.Text;

namespace Jamsostek.Core.Ingestion.Reading;

/// <summary>
/// UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252: what Excel and LibreOffice write when offices
/// export CSV in an Indonesian locale. Text that is valid UTF-8 throughout is UTF-8.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Detects the encoding of a seekable stream and leaves it at position 0.</summary>
    public static Encoding Detect(Stream file)
    {
        Span<byte> bom = stackalloc byte[3];
        file.Position = 0;
        var read = file.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        file.Position = 0;
        if (read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }
        if (read >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
        {
            return Encoding.Unicode;
        }
        if (read >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }
        return IsValidUtf8(file) ? new UTF8Encoding(false) : Windows1252;
    }

    private static bool IsValidUtf8(Stream file)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        try
        {
            int read;
            while ((read = file.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            file.Position = 0;
        }
    }
}
