using System.Text;

namespace Jamsostek.Functions.Storage;

/// <summary>
/// PartitionKey and RowKey values made from what offices type. Table Storage refuses <c>/ \ # ?</c> and control
/// characters in keys; they are percent-encoded (and so is <c>%</c> itself), so two different texts never share
/// a key: "PKS/045" and "PKS-045" stay apart.
/// </summary>
public static class TableKeys
{
    /// <summary>Joins escaped key parts; the separator cannot occur inside one.</summary>
    public const char Separator = '|';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Unsafe) && !HasControl(text))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Unsafe.Contains(c) || char.IsControl(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    public static string Join(params ReadOnlySpan<string> escapedParts) => string.Join(Separator, escapedParts);

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/> (for range queries).</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }
        return false;
    }

    // Refused by Table Storage, plus the escape character and our separator.
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create("/\\#?%|");
}
