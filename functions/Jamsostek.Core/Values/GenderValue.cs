namespace Jamsostek.Core.Values;

/// <summary>
/// Gender as offices write it: L/P, Laki-laki/Perempuan, Pria/Wanita, Lk/Pr, M/F, Male/Female (case, spaces and
/// punctuation ignored). Unknown text fails with <see cref="ValueCodes.GenderFormat"/>.
/// </summary>
public static class GenderValue
{
    private static readonly SpellingTable<Gender> Spellings = new([
        ("L", Gender.Male), ("Laki-laki", Gender.Male), ("Laki", Gender.Male), ("Laki2", Gender.Male), ("Lk", Gender.Male),
        ("Pria", Gender.Male), ("M", Gender.Male), ("Male", Gender.Male),
        ("P", Gender.Female), ("Perempuan", Gender.Female), ("Pr", Gender.Female), ("Wanita", Gender.Female),
        ("W", Gender.Female), ("F", Gender.Female), ("Female", Gender.Female),
    ]);

    public static ParsedValue<Gender> Parse(object? cell) => Spellings.Parse(cell, ValueCodes.GenderFormat, "gender (L/P)");
}
