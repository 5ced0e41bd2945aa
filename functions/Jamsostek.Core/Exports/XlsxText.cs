using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Jamsostek.Core.Exports;

/// <summary>
/// Text as a SpreadsheetML cell carries it. XML cannot hold most control characters or a lone surrogate, so they
/// go as <c>_xHHHH_</c>, which Excel reads back as the character; an underscore that would read as the start of
/// such an escape is escaped itself (<c>_x005F_</c>). Text longer than a cell holds is cut at the limit.
/// Text that needs none of this comes back as the same instance.
/// </summary>
internal static class XlsxText
{
    /// <summary>Excel's limit on the characters in one cell; longer text makes Excel repair the file.</summary>
    public const int MaxLength = 32_767;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");
    private static readonly SearchValues<char> MayNeedEscape = SearchValues.Create(MayNeedEscapeCharacters());

    /// <param name="maxLength">What is left of <see cref="MaxLength"/> after anything written before the text.</param>
    public static string Escape(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            text = text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
        }

        var first = text.AsSpan().IndexOfAny(MayNeedEscape);
        if (first < 0)
        {
            return text;
        }

        StringBuilder? escaped = null;
        var copied = 0;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' ? !StartsLikeEscape(text.AsSpan(i)) : XmlConvert.IsXmlChar(c))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            escaped ??= new StringBuilder(text.Length + 16);
            escaped.Append(text, copied, i - copied).Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            copied = i + 1;
        }
        return escaped is null ? text : escaped.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool StartsLikeEscape(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[1] == 'x' && text[6] == '_' && !text[2..6].ContainsAnyExcept(HexDigits);

    private static string MayNeedEscapeCharacters()
    {
        var characters = new StringBuilder("_\uFFFE\uFFFF");
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                characters.Append(c);
            }
        }
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            characters.Append(c);
        }
        return characters.ToString();
    }
}
