namespace Jamsostek.Core.Values;

/// <summary>Damerau-Levenshtein distance (optimal string alignment) for short keys, on the stack.</summary>
internal static class EditDistance
{
    private const int MaxLength = 128;

    /// <summary>
    /// Insertions, deletions, substitutions and swaps of neighbours needed to turn one key into the other.
    /// Keys longer than 128 characters count as infinitely far.
    /// </summary>
    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return int.MaxValue;
        }
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.Length + b.Length;
        }
        // Three rows of the matrix: the swap rule looks two rows back.
        Span<int> beforePrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }
                current[j] = value;
            }
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
