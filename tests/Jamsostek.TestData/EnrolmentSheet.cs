using Jamsostek.TestData.Internal;

namespace Jamsostek.TestData;

/// <summary>Synthetic enrolment sheets (Daftar Peserta), one row per worker, as an office would fill them.</summary>
public static class EnrolmentSheet
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "No", "NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Alamat", "Desa/Kelurahan",
        "Kecamatan", "No HP", "Pekerjaan", "Nomor PKS", "Mulai", "Selesai", "Penghasilan",
    ];

    /// <summary>Column indexes (0-based) of <see cref="Header"/>.</summary>
    public static class Columns
    {
        public const int No = 0;
        public const int Nik = 1;
        public const int FullName = 2;
        public const int BirthPlace = 3;
        public const int BirthDate = 4;
        public const int Gender = 5;
        public const int Address = 6;
        public const int Village = 7;
        public const int District = 8;
        public const int Phone = 9;
        public const int Occupation = 10;
        public const int AgreementNo = 11;
        public const int CoverageStart = 12;
        public const int CoverageEnd = 13;
        public const int Income = 14;
    }

    /// <summary>The header as a row.</summary>
    public static object?[] HeaderRow() => [.. Header];

    /// <summary>
    /// <paramref name="count"/> data rows (no header) for workers of <paramref name="regencyCode"/>, lazily, in
    /// <see cref="Header"/> column order: No (int, 1..count), NIK (16-digit text, unique in the sheet, its
    /// district, birth date and gender agreeing with the row), name, birth place, birth date (<see cref="DateOnly"/>,
    /// age 18-60 on <paramref name="coverageStart"/>), gender "L"/"P", address, village, district, phone
    /// "08xx-xxxx-xxxx", occupation, <paramref name="agreementNo"/>, coverage start and end (<see cref="DateOnly"/>),
    /// monthly income in whole rupiah (<see cref="long"/>). The same seed gives the same rows.
    /// </summary>
    public static IEnumerable<object?[]> Rows(int count, string regencyCode, string agreementNo, DateOnly coverageStart, DateOnly coverageEnd, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var regency = Regencies.Get(regencyCode);
        return Generate(count, regency, agreementNo, coverageStart, coverageEnd, seed);
    }

    private static IEnumerable<object?[]> Generate(int count, Regency regency, string agreementNo, DateOnly coverageStart, DateOnly coverageEnd, int seed)
    {
        var random = new Random(seed);
        var niks = new NikGenerator(seed);
        var naming = NamingStyle.For(regency.Code);
        for (var i = 1; i <= count; i++)
        {
            var female = random.Next(100) < 42;
            var birthDate = NikGenerator.RandomBirthDate(random, coverageStart, 18, 60);
            var districtIndex = random.Next(regency.Districts.Count);
            var district = regency.Districts[districtIndex];
            var village = district.Villages[random.Next(district.Villages.Count)];
            var nik = niks.Next(regency.Code, birthDate, female, districtIndex + 1);
            var name = naming.FullName(random, female);
            if (random.Next(4) == 0)
            {
                name = name.ToUpperInvariant(); // KTP spelling, as many offices type it
            }

            var birthPlace = random.Next(5) < 3 ? regency.BirthPlaces[0] : regency.BirthPlaces[random.Next(regency.BirthPlaces.Count)];
            var (occupation, income) = PersonData.Occupation(random, female);
            yield return
            [
                i,
                nik,
                name,
                birthPlace,
                birthDate,
                female ? "P" : "L",
                PersonData.Address(random, village),
                village,
                district.Name,
                PersonData.Phone(random),
                occupation,
                agreementNo,
                coverageStart,
                coverageEnd,
                income,
            ];
        }
    }

    /// <summary>The header row followed by <paramref name="rows"/>.</summary>
    public static IEnumerable<object?[]> WithHeader(IEnumerable<object?[]> rows)
    {
        yield return HeaderRow();
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    /// <summary>
    /// Title rows (one cell each), then one blank row, then <paramref name="rows"/> (which should start with the
    /// header, see <see cref="WithHeader"/>), as offices lay out a sheet:
    /// "DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025" / blank / header / data.
    /// </summary>
    public static IEnumerable<object?[]> WithTitle(IEnumerable<object?[]> rows, params string[] titleLines)
    {
        foreach (var line in titleLines)
        {
            yield return [line];
        }

        yield return [];
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    /// <summary>"DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025".</summary>
    public static string Title(string regencyCode, int year) =>
        $"DAFTAR PESERTA BPU {Regencies.Get(regencyCode).UpperCaseTitle} TAHUN {year}";

    /// <summary>Merged ranges ("A1:O1", ...) spanning the header's width for <paramref name="titleLines"/> title rows.</summary>
    public static IReadOnlyList<string> TitleMerges(int titleLines) =>
        [.. Enumerable.Range(1, titleLines).Select(r => $"A{r}:{CellAddress.Column(Header.Count - 1)}{r}")];

    /// <summary>
    /// A whole enrolment sheet: optional title line(s) with merged cells, a blank row, the header and
    /// <paramref name="count"/> rows, ready for <see cref="SpreadsheetWriter"/>.
    /// </summary>
    public static SheetSpec Sheet(int count, string regencyCode, string agreementNo, DateOnly coverageStart, DateOnly coverageEnd,
        int seed = 1, string sheetName = "Daftar Peserta", params string[] titleLines)
    {
        var rows = WithHeader(Rows(count, regencyCode, agreementNo, coverageStart, coverageEnd, seed));
        return titleLines.Length == 0
            ? new SheetSpec(sheetName, rows)
            : new SheetSpec(sheetName, WithTitle(rows, titleLines), MergedRanges: TitleMerges(titleLines.Length));
    }
}
