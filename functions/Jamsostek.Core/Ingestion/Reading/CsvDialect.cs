namespace Jamsostek.Core.Ingestion.Reading;

/// <summary>
/// Finds the delimiter from the first lines: the candidate that splits the most lines into the same number of
/// fields. Title rows above the header hold no delimiter and do not vote.
/// </summary>
public static class CsvDialect
{
    private static readonly char[] Candidates = [';', ',', '\t', '|'];

    public static char DetectDelimiter(ReadOnlySpan<char> sample)
    {
        var best = ',';
        var bestScore = (Lines: 0, Fields: 0);
        foreach (var candidate in Candidates)
        {
            var counts = new Dictionary<int, int>();
            foreach (var count in CountPerLine(sample, candidate))
            {
                if (count > 0)
                {
                    counts[count] = counts.GetValueOrDefault(count) + 1;
                }
            }
            if (counts.Count == 0)
            {
                continue;
            }
            var mode = counts.MaxBy(pair => (pair.Value, pair.Key));
            var score = (mode.Value, mode.Key);
            if (score.CompareTo(bestScore) > 0)
            {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>Occurrences of the delimiter per line, outside quoted fields (which may span lines).</summary>
    private static List<int> CountPerLine(ReadOnlySpan<char> sample, char delimiter)
    {
        var result = new List<int>();
        var inQuotes = false;
        var count = 0;
        foreach (var c in sample)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == delimiter)
            {
                count++;
            }
            else if (!inQuotes && c == '\n')
            {
                result.Add(count);
                count = 0;
            }
        }
        result.Add(count);
        return result;
    }
}
