namespace Jamsostek.Core.Templates;

/// <summary>
/// The comparison key of a header text: letters and digits only, lower-cased, so "NO. KTP", "no ktp",
/// "No_KTP" and "No\nKTP" all give "noktp".
/// </summary>
internal static class HeaderKey
{
    /// <summary>Longer keys belong to titles and notes, not headings; they never match.</summary>
    public const int MaxLength = 64;

    /// <summary>The key of an alias (templates are built once, so allocating here is fine).</summary>
    public static string Of(string text)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Write(text, buffer);
        return length > 0
            ? new string(buffer[..length])
            : throw new ArgumentException($"The alias \"{text}\" has no letters or digits, or is too long.", nameof(text));
    }

    /// <summary>
    /// Writes the key of <paramref name="text"/> into <paramref name="destination"/> and returns its length;
    /// 0 when the text has no letters or digits, -1 when the key does not fit.
    /// </summary>
    public static int Write(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }
            if (length == destination.Length)
            {
                return -1;
            }
            destination[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }

    /// <summary>
    /// The text without trailing footnotes: marks such as <c>*</c> and parenthesised or bracketed notes
    /// ("NIK (16 digit)", "Tanggal Lahir [dd/mm/yyyy] *"), as long as something is left before them.
    /// Returns the text unchanged when there is nothing to strip.
    /// </summary>
    public static ReadOnlySpan<char> WithoutFootnotes(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var end = text.Length;
            while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] is not (')' or ']'))
            {
                end--;
            }
            text = text[..end];
            if (end == 0)
            {
                return text;
            }

            var open = OpeningBracket(text);
            if (open <= 0 || !HasLetterOrDigit(text[..open]))
            {
                return text;
            }
            text = text[..open];
        }
    }

    // The index of the bracket that opens the group closing the text, or -1.
    private static int OpeningBracket(ReadOnlySpan<char> text)
    {
        var close = text[^1];
        if (close is not (')' or ']'))
        {
            return -1;
        }
        var open = close == ')' ? '(' : '[';
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == close)
            {
                depth++;
            }
            else if (text[i] == open && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }
        return false;
    }
}
