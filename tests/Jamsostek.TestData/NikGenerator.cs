using System.Globalization;

namespace Jamsostek.TestData;

/// <summary>
/// Structurally valid 16-digit NIKs (Nomor Induk Kependudukan): digits 1-4 the regency/city code
/// ("5204"), 5-6 the district (kecamatan) code, 7-12 the birth date as DDMMYY with 40 added to the day
/// for women, 13-16 a sequence number. The static <see cref="Create"/> builds one NIK; an instance is a
/// seeded source of realistic NIKs, never issuing the same NIK twice.
/// </summary>
public sealed class NikGenerator
{
    private readonly Random _random;

    // Next sequence per (regency, district, birth date, gender), as the civil registry numbers them.
    private readonly Dictionary<(string Regency, int District, DateOnly BirthDate, bool Female), int> _sequences = [];

    /// <summary>A deterministic source: the same seed yields the same NIKs in the same order.</summary>
    public NikGenerator(int seed = 1) => _random = new Random(seed);

    /// <summary>
    /// One NIK. <paramref name="regencyCode"/> is four digits ("5204"; "52.04" is accepted),
    /// <paramref name="district"/> 1-99 (real codes mostly run 01-20), <paramref name="sequence"/> 1-9999.
    /// </summary>
    public static string Create(string regencyCode, DateOnly birthDate, bool female, int sequence, int district = 1)
    {
        var regency = NormalizeRegency(regencyCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(district, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(district, 99);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 9999);
        var day = birthDate.Day + (female ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"{regency}{district:00}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}{sequence:0000}");
    }

    /// <summary>
    /// A NIK not issued before by this generator, for a person born on <paramref name="birthDate"/> in a
    /// random district 01-20 of <paramref name="regencyCode"/>.
    /// </summary>
    public string Next(string regencyCode, DateOnly birthDate, bool female)
    {
        var regency = NormalizeRegency(regencyCode);
        return Next(regency, birthDate, female, _random.Next(1, 21));
    }

    /// <summary>A NIK not issued before by this generator, in the given district.</summary>
    public string Next(string regencyCode, DateOnly birthDate, bool female, int district)
    {
        var regency = NormalizeRegency(regencyCode);
        var key = (regency, district, birthDate, female);
        var sequence = _sequences.TryGetValue(key, out var next) ? next : _random.Next(1, 4);
        if (sequence > 9999)
        {
            throw new InvalidOperationException($"All 9999 sequence numbers of {regency}-{district:00} for {birthDate} are used.");
        }

        _sequences[key] = sequence + 1;
        return Create(regency, birthDate, female, sequence, district);
    }

    /// <summary>A random birth date giving an age of <paramref name="minAge"/>-<paramref name="maxAge"/> on <paramref name="onDate"/>.</summary>
    public DateOnly BirthDate(DateOnly onDate, int minAge = 18, int maxAge = 60) => RandomBirthDate(_random, onDate, minAge, maxAge);

    /// <summary>
    /// Decodes the birth date and gender of a 16-digit NIK; false when it is not 16 digits or digits 7-12 are
    /// not a valid DDMMYY (women DD+40). A two-digit year YY is read as 20YY when that is not after
    /// <paramref name="latestYear"/> (default: this year), else as 19YY.
    /// </summary>
    public static bool TryDecode(string nik, out DateOnly birthDate, out bool female, int latestYear = 0)
    {
        birthDate = default;
        female = false;
        if (nik is null || nik.Length != 16 || !nik.All(char.IsAsciiDigit))
        {
            return false;
        }

        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var yy = int.Parse(nik.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var year = 2000 + yy <= (latestYear > 0 ? latestYear : DateTime.Today.Year) ? 2000 + yy : 1900 + yy;
        if (day > 40)
        {
            female = true;
            day -= 40;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        birthDate = new DateOnly(year, month, day);
        return true;
    }

    internal static DateOnly RandomBirthDate(Random random, DateOnly onDate, int minAge, int maxAge)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minAge, maxAge);
        // Born in (onDate - (maxAge+1) years, onDate - minAge years]: age on onDate is minAge..maxAge.
        var latest = onDate.AddYears(-minAge);
        var earliest = onDate.AddYears(-(maxAge + 1)).AddDays(1);
        var span = latest.DayNumber - earliest.DayNumber;
        return DateOnly.FromDayNumber(earliest.DayNumber + random.Next(span + 1));
    }

    internal static string NormalizeRegency(string regencyCode)
    {
        ArgumentNullException.ThrowIfNull(regencyCode);
        var code = regencyCode.Replace(".", string.Empty, StringComparison.Ordinal).Trim();
        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{regencyCode}' is not a 4-digit regency code such as \"5204\".", nameof(regencyCode));
        }

        return code;
    }
}
