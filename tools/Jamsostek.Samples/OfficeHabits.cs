using System.Globalization;
using Column = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Samples;

/// <summary>
/// How an office fills a sheet when every value is still valid: genders spelled out, birth dates typed as text
/// in whatever format the typist uses, the KTP's or the village's words for occupations, phone numbers with a
/// country code, amounts with "Rp" and thousands dots, stray spaces around names. Each is the share of rows
/// that show it.
/// </summary>
internal sealed record OfficeHabits
{
    public double SpelledGender { get; init; }

    public double TextBirthDates { get; init; }

    public double LocalOccupationWords { get; init; }

    public double FormattedPhones { get; init; }

    public double IncomeAsText { get; init; }

    public double StraySpaces { get; init; }

    /// <summary>Rows for non-ASN staff (honorer, contract staff), as in a district paying for both groups.</summary>
    public double NonAsnShare { get; init; }

    /// <summary>Nomor PKS left empty: allowed while one PKS of the region covers the row's period.</summary>
    public double BlankAgreementNo { get; init; }

    /// <summary>Excel's autocorrect turning "Soekarno-Hatta" into "Soekarno–Hatta" (a Windows-1252 character).</summary>
    public bool AutoCorrectedDashes { get; init; }

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] ShortMonths =
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private static readonly string[] NonAsnWords = ["Honorer", "Honorer", "Tenaga Kontrak", "PTT", "Guru Honorer", "Non ASN"];

    public void Apply(IEnumerable<object?[]> rows, int seed)
    {
        var random = new Random(seed);
        foreach (var row in rows)
        {
            // Every habit draws for every row, so changing one share does not reshuffle the others.
            var gender = random.NextDouble();
            var birthDate = random.NextDouble();
            var birthDateFormat = random.Next(5);
            var occupation = random.NextDouble();
            var nonAsn = random.NextDouble();
            var nonAsnWord = random.Next(NonAsnWords.Length);
            var nonAsnIncome = 1_000_000 + 50_000 * random.Next(31);
            var phone = random.NextDouble();
            var phoneStyle = random.Next(2);
            var income = random.NextDouble();
            var spaces = random.NextDouble();
            var agreement = random.NextDouble();

            if (nonAsn < NonAsnShare)
            {
                row[Column.Occupation] = NonAsnWords[nonAsnWord];
                row[Column.Income] = (long)nonAsnIncome;
            }
            if (gender < SpelledGender)
            {
                row[Column.Gender] = (string)row[Column.Gender]! == "P" ? "Perempuan" : "Laki-laki";
            }
            if (birthDate < TextBirthDates)
            {
                row[Column.BirthDate] = TypedDate((DateOnly)row[Column.BirthDate]!, birthDateFormat);
            }
            if (occupation < LocalOccupationWords)
            {
                row[Column.Occupation] = row[Column.Occupation] switch
                {
                    "Buruh Harian Lepas" => "BHL",
                    "Petani" => "Petani/Pekebun",
                    "Pedagang" => "Pedagang Kaki Lima",
                    "Honorer" => "Tenaga Honorer",
                    var other => other,
                };
            }
            if (phone < FormattedPhones)
            {
                var digits = ((string)row[Column.Phone]!).Replace("-", "", StringComparison.Ordinal);
                row[Column.Phone] = phoneStyle == 0
                    ? $"+62 {digits[1..4]}-{digits[4..8]}-{digits[8..]}"
                    : $"{digits[..4]} {digits[4..8]} {digits[8..]}";
            }
            if (income < IncomeAsText)
            {
                row[Column.Income] = Rupiah((long)row[Column.Income]!);
            }
            if (spaces < StraySpaces)
            {
                row[Column.FullName] = "  " + ((string)row[Column.FullName]!).Replace(" ", "  ", StringComparison.Ordinal) + " ";
            }
            if (agreement < BlankAgreementNo)
            {
                row[Column.AgreementNo] = null;
            }
            if (AutoCorrectedDashes && row[Column.Address] is string address)
            {
                row[Column.Address] = address.Replace("Soekarno-Hatta", "Soekarno\u2013Hatta", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>"1.750.000" with "Rp ": how amounts are typed in an Indonesian locale.</summary>
    public static string Rupiah(long amount) =>
        "Rp " + amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>A date as a typist writes it, day first: 07-10-1990, 1990-10-07, 7 Oktober 1990, 7 Okt 1990, 07.10.1990.</summary>
    public static string TypedDate(DateOnly date, int format) => format switch
    {
        0 => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        1 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        2 => $"{date.Day} {Months[date.Month - 1]} {date.Year}",
        3 => $"{date.Day} {ShortMonths[date.Month - 1]} {date.Year}",
        _ => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>A long date in Bahasa Indonesia, for titles: "1 Oktober 2026".</summary>
    public static string LongDate(DateOnly date) => TypedDate(date, 2);
}
