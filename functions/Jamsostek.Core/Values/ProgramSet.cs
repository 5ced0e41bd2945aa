namespace Jamsostek.Core.Values;

/// <summary>
/// A list of programs: "JKK, JKM", "JKK+JKM", "JKK/JKM/JHT", "jkk dan jkm", "Jaminan Kecelakaan Kerja (JKK)",
/// "Jaminan Kematian", "Jaminan Hari Tua". Separators and the connectors dan/and/serta are all ignored.
/// </summary>
public static class ProgramSet
{
    // Matched greedily over the text's key ("jkkdanjkm"), so any punctuation between names works.
    private static readonly (string Key, Programs Program)[] Words =
    [
        ("jaminankecelakaankerja", Programs.JKK), ("jaminankematian", Programs.JKM), ("jaminanharitua", Programs.JHT),
        ("jkk", Programs.JKK), ("jkm", Programs.JKM), ("jht", Programs.JHT),
        ("program", Programs.None), ("serta", Programs.None), ("dan", Programs.None), ("and", Programs.None),
    ];

    private const int MaxLength = 256;

    public static ParsedValue<Programs> Parse(object? cell)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<Programs>.Empty;
            case string text:
                var s = text.AsSpan().Trim();
                if (s.IsEmpty)
                {
                    return ParsedValue<Programs>.Empty;
                }
                if (s.Length > MaxLength)
                {
                    return Fail("Too long for a list of programs.");
                }
                Span<char> buffer = stackalloc char[s.Length];
                return Read(buffer[..Normalize.Key(s, buffer)]);
            default:
                return Fail($"A {Cell.Kind(cell)} cell is not a list of programs.");
        }
    }

    /// <summary>"JKK, JKM, JHT" in that fixed order, or an empty string for none.</summary>
    public static string Format(Programs programs) => programs switch
    {
        Programs.None => string.Empty,
        Programs.JKK => "JKK",
        Programs.JKM => "JKM",
        Programs.JHT => "JHT",
        Programs.JKK | Programs.JKM => "JKK, JKM",
        Programs.JKK | Programs.JHT => "JKK, JHT",
        Programs.JKM | Programs.JHT => "JKM, JHT",
        Programs.JKK | Programs.JKM | Programs.JHT => "JKK, JKM, JHT",
        _ => throw new ArgumentOutOfRangeException(nameof(programs), programs, "Not a combination of JKK, JKM and JHT."),
    };

    private static ParsedValue<Programs> Read(ReadOnlySpan<char> key)
    {
        var programs = Programs.None;
        var position = 0;
        while (position < key.Length)
        {
            var rest = key[position..];
            var matched = false;
            // Longest names come first in Words, so "jaminankematian" is never cut short.
            foreach (var (word, program) in Words)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    programs |= program;
                    position += word.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                return Fail("Not a known program; use JKK, JKM or JHT.");
            }
        }
        return programs == Programs.None ? Fail("No program named; use JKK, JKM or JHT.") : ParsedValue<Programs>.Ok(programs);
    }

    private static ParsedValue<Programs> Fail(string problem) => ParsedValue<Programs>.Fail(ValueCodes.ProgramUnknown, problem);
}
