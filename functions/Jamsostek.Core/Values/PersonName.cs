namespace Jamsostek.Core.Values;

/// <summary>
/// Names with stray spaces and capitals: whitespace collapsed and words title-cased ("SITI  aminah" is
/// "Siti Aminah"), particles bin/binti lowercase, a letter after an apostrophe lowercase ("Ma'ruf"), after a dot or
/// hyphen uppercase ("M. Yusuf", "S.Pd"). What follows the first comma (academic degrees: "SE", "S.Pd.") is kept as
/// typed because degrees have their own capitals. Text without a letter, or a number or date cell, is NAME_FORMAT.
/// </summary>
public static class PersonName
{
    public static ParsedValue<string> Parse(object? cell)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<string>.Empty;
            case string text:
                var s = text.AsSpan().Trim();
                if (s.IsEmpty)
                {
                    return ParsedValue<string>.Empty;
                }
                if (!ContainsLetter(s))
                {
                    return ParsedValue<string>.Fail(ValueCodes.NameFormat, "A name needs letters.");
                }
                var buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
                var length = Normalize.Whitespace(s, buffer);
                var name = buffer[..length];
                var comma = name.IndexOf(',');
                TitleCase(comma < 0 ? name : name[..comma]);
                return ParsedValue<string>.Ok(name.SequenceEqual(text) ? text : new string(name));
            default:
                return ParsedValue<string>.Fail(ValueCodes.NameFormat, $"A {Cell.Kind(cell)} cell is not a name.");
        }
    }

    private static void TitleCase(Span<char> name)
    {
        var wordStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != ' ')
            {
                continue;
            }
            var word = name[wordStart..i];
            var lower = wordStart > 0 && IsParticle(word);
            for (var j = 0; j < word.Length; j++)
            {
                var upper = !lower && (j == 0 || word[j - 1] is '.' or '-' or '(');
                word[j] = upper ? char.ToUpperInvariant(word[j]) : char.ToLowerInvariant(word[j]);
            }
            wordStart = i + 1;
        }
    }

    // Patronymic particles stay lowercase: "Ahmad bin Abdullah", "Siti binti Hasan".
    private static bool IsParticle(ReadOnlySpan<char> word) =>
        word.Equals("bin", StringComparison.OrdinalIgnoreCase) || word.Equals("binti", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }
        return false;
    }
}
