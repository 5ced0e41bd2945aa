namespace Jamsostek.Core.Values;

/// <summary>Text normalization shared by the value parsers (and useful for header matching).</summary>
public static class Normalize
{
    /// <summary>
    /// The matching key of a spelling: lowercase letters and digits only, so "Non-ASN", "non asn" and "NON_ASN"
    /// all give "nonasn". Returns <paramref name="text"/> itself when it already is a key.
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = 0;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                length++;
                changed |= char.ToLowerInvariant(c) != c;
            }
            else
            {
                changed = true;
            }
        }
        return changed ? string.Create(length, text, static (destination, source) => Key(source, destination)) : text;
    }

    /// <summary>
    /// Writes the key of <paramref name="text"/> into <paramref name="destination"/> (at least as long as the text)
    /// and returns its length: the allocation-free form used on the parsing path.
    /// </summary>
    public static int Key(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                destination[length++] = char.ToLowerInvariant(c);
            }
        }
        return length;
    }

    /// <summary>
    /// Trims and collapses every run of whitespace (tabs, line breaks, non-breaking spaces) into one space.
    /// Returns <paramref name="text"/> itself when nothing changes.
    /// </summary>
    public static string Whitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().Trim();
        if (span.Length == text.Length && !NeedsCollapsing(span))
        {
            return text;
        }
        if (span.IsEmpty)
        {
            return string.Empty;
        }
        var buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        return new string(buffer[..Whitespace(span, buffer)]);
    }

    /// <summary>Span form of <see cref="Whitespace(string)"/>; returns the length written.</summary>
    public static int Whitespace(ReadOnlySpan<char> text, Span<char> destination)
    {
        text = text.Trim();
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }
            destination[length++] = c;
        }
        return length;
    }

    private static bool NeedsCollapsing(ReadOnlySpan<char> trimmed)
    {
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || trimmed[i + 1] == ' '))
            {
                return true;
            }
        }
        return false;
    }
}
