using System.Globalization;
using System.Text;
using Jamsostek.Functions.Coverage;
using Jamsostek.Functions.Participants;
using Jamsostek.Functions.Storage;

namespace Jamsostek.Functions.ValidateChunk;

/// <summary>
/// A chunk's stored participants counted as the coverage table counts them, kept on its result entity: one line
/// per agreement, segment, occupation and period, <c>{agreement}|{segment}|{occupation}|{start}|{end}|{count}</c>
/// with every part escaped. When an agreement's participants all come from one upload, its coverage is the sum of
/// the upload's chunks, and finalization need not read the agreement's participants back.
/// </summary>
internal static class ChunkCoverage
{
    /// <summary>A string property holds 32K characters; past this the chunk keeps no counts and finalization recounts.</summary>
    private const int MaxLength = 30_000;

    public static string? Format(IEnumerable<ParticipantEntity> participants)
    {
        var text = string.Join('\n', participants
            .GroupBy(participant => (participant.AgreementNo, Key: CoverageKey.Of(participant)))
            .Select(group => TableKeys.Join(TableKeys.Escape(group.Key.AgreementNo), TableKeys.Escape(group.Key.Key.Segment),
                TableKeys.Escape(group.Key.Key.Occupation), TableKeys.Escape(group.Key.Key.Start), TableKeys.Escape(group.Key.Key.End),
                group.Count().ToString(CultureInfo.InvariantCulture))));
        return text.Length > MaxLength ? null : text;
    }

    public static IEnumerable<(string AgreementNo, CoverageKey Key, int Participants)> Parse(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(TableKeys.Separator);
            yield return (Unescape(parts[0]), new CoverageKey(Unescape(parts[1]), Unescape(parts[2]), Unescape(parts[3]), Unescape(parts[4])),
                int.Parse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The inverse of <see cref="TableKeys.Escape"/>: every <c>%XX</c> back to its character.</summary>
    private static string Unescape(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part;
        }
        var text = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length)
            {
                text.Append((char)int.Parse(part.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                text.Append(part[i]);
            }
        }
        return text.ToString();
    }
}
