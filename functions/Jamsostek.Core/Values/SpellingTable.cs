using System.Collections.Frozen;

namespace Jamsostek.Core.Values;

/// <summary>
/// Known spellings of an enumeration's values, matched by <see cref="Normalize.Key(string)"/> so case, spaces and
/// punctuation do not matter. Lookups normalize into a stack buffer and probe the frozen table by span: no allocation.
/// </summary>
internal sealed class SpellingTable<T> where T : notnull
{
    // Longer text cannot be a known spelling; it only bounds the stack buffer.
    private const int MaxKeyLength = 128;

    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpellingTable(ReadOnlySpan<(string Spelling, T Value)> spellings)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        var ordered = new List<(string, T)>(spellings.Length);
        foreach (var (spelling, value) in spellings)
        {
            var key = Normalize.Key(spelling);
            if (byKey.TryGetValue(key, out var existing))
            {
                // Two values for one key would make the answer depend on declaration order: a table bug.
                if (!EqualityComparer<T>.Default.Equals(existing, value))
                {
                    throw new InvalidOperationException($"The spelling key '{key}' is given to both {existing} and {value}.");
                }
                continue;
            }
            byKey.Add(key, value);
            ordered.Add((key, value));
        }
        _lookup = byKey.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Entries = ordered;
    }

    /// <summary>The normalized keys with their values, in declaration order (first is preferred on ties).</summary>
    public IReadOnlyList<(string Key, T Value)> Entries { get; }

    public bool TryFind(ReadOnlySpan<char> text, out T value)
    {
        if (text.Length > MaxKeyLength)
        {
            value = default!;
            return false;
        }
        Span<char> key = stackalloc char[text.Length];
        return TryFindKey(key[..Normalize.Key(text, key)], out value);
    }

    /// <summary>Looks up text that already is a key.</summary>
    public bool TryFindKey(ReadOnlySpan<char> key, out T value) => _lookup.TryGetValue(key, out value!);

    /// <summary>
    /// The usual cell reading for an enumeration: blank is Empty, known text is Ok, anything else fails with
    /// <paramref name="code"/>. <paramref name="what"/> names the field in the problem ("gender").
    /// </summary>
    public ParsedValue<T> Parse(object? cell, string code, string what)
    {
        switch (cell)
        {
            case null:
                return ParsedValue<T>.Empty;
            case string text:
                var trimmed = text.AsSpan().Trim();
                if (trimmed.IsEmpty)
                {
                    return ParsedValue<T>.Empty;
                }
                return TryFind(trimmed, out var value)
                    ? ParsedValue<T>.Ok(value)
                    : ParsedValue<T>.Fail(code, $"Not a known {what}.");
            default:
                return ParsedValue<T>.Fail(code, $"A {Cell.Kind(cell)} cell is not a {what}.");
        }
    }
}
