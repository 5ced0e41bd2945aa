namespace Jamsostek.TestData;

/// <summary>
/// Synthetic employer compliance sheets (Kepatuhan Badan Usaha), one row per employer registered with BPJS
/// Ketenagakerjaan, as the branch office shares them with a district's compliance team.
/// </summary>
public static class ComplianceSheet
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "No", "NPP", "Nama Perusahaan", "Sektor", "Kecamatan", "TK Terdaftar", "TK Dilaporkan", "Bulan Menunggak",
        "Jumlah Tunggakan", "Tanggal Bayar Terakhir", "Status Tindak Lanjut", "Tanggal Tindak Lanjut", "Keterangan",
    ];

    /// <summary>Column indexes (0-based) of <see cref="Header"/>.</summary>
    public static class Columns
    {
        public const int No = 0;
        public const int Npp = 1;
        public const int CompanyName = 2;
        public const int Sector = 3;
        public const int District = 4;
        public const int RegisteredWorkers = 5;
        public const int ReportedWorkers = 6;
        public const int ArrearsMonths = 7;
        public const int ArrearsIdr = 8;
        public const int LastPaidOn = 9;
        public const int FollowupStatus = 10;
        public const int FollowupOn = 11;
        public const int Note = 12;
    }

    private static readonly string[] Sectors =
    [
        "Perdagangan", "Konstruksi", "Perikanan", "Pertanian", "Perhotelan", "Transportasi", "Jasa Keuangan", "Pendidikan",
        "Industri Pengolahan", "Kesehatan",
    ];

    private static readonly string[] NameStems =
    [
        "Sinar", "Karya", "Maju", "Bintang", "Samudra", "Cahaya", "Mitra", "Sentosa", "Makmur", "Abadi", "Harapan", "Jaya",
        "Bahari", "Mandiri", "Lestari", "Prima",
    ];

    private static readonly string[] Statuses =
        ["Belum Ditindaklanjuti", "Surat Teguran 1", "Surat Teguran 2", "Diserahkan ke Kejaksaan", "Cicilan"];

    /// <summary>The header as a row.</summary>
    public static object?[] HeaderRow() => [.. Header];

    /// <summary>"Tanggal Data: 30 November 2026", the line above the header that dates the snapshot.</summary>
    public static string DataDateLine(DateOnly date) => $"Tanggal Data: {date.Day} {MonthNames[date.Month - 1]} {date.Year}";

    /// <summary>"DAFTAR KEPATUHAN BADAN USAHA KABUPATEN SUMBAWA".</summary>
    public static string Title(string regencyCode) => $"DAFTAR KEPATUHAN BADAN USAHA {Regencies.Get(regencyCode).UpperCaseTitle}";

    private static readonly string[] MonthNames =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>
    /// One employer row in <see cref="Header"/> order; every value as a cell may hold it (text as an office types it, or
    /// a typed value); null leaves the cell empty.
    /// </summary>
    public static object?[] Row(
        object? npp,
        string? companyName = "CV Sinar Jaya",
        string? sector = "Perdagangan",
        object? district = null,
        object? registeredWorkers = null,
        object? reportedWorkers = null,
        object? arrearsMonths = null,
        object? arrearsIdr = null,
        object? lastPaidOn = null,
        object? followupStatus = null,
        object? followupOn = null,
        object? note = null,
        int no = 1) =>
        [no, npp, companyName, sector, district, registeredWorkers, reportedWorkers, arrearsMonths, arrearsIdr, lastPaidOn, followupStatus, followupOn, note];

    /// <summary>
    /// <paramref name="count"/> valid employer rows (no header) of <paramref name="regencyCode"/> on
    /// <paramref name="snapshotDate"/>, lazily: unique 8-digit NPPs as text ("12.345.678" in every third row, as offices
    /// type them), about a third in arrears with months matching the last payment and an amount of months x workers x
    /// Rp 180.000, the rest paid up last month; follow-up steps for those in arrears dated on or before the snapshot.
    /// The same seed gives the same employers, so two snapshots of one seed differ only where a test changes them.
    /// </summary>
    public static IEnumerable<object?[]> Rows(int count, string regencyCode, DateOnly snapshotDate, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var regency = Regencies.Get(regencyCode);
        return Generate(count, regency, snapshotDate, seed);
    }

    private static IEnumerable<object?[]> Generate(int count, Regency regency, DateOnly snapshotDate, int seed)
    {
        var random = new Random(seed);
        var first = 10_000_000 + (random.Next(1_000) * 50_000);
        for (var i = 1; i <= count; i++)
        {
            var npp = (first + (i * 37)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var typed = i % 3 == 0 ? $"{npp[..2]}.{npp[2..5]}.{npp[5..]}" : npp;
            var registered = 5 + random.Next(200);
            var inArrears = random.Next(3) == 0;
            var months = inArrears ? 1 + random.Next(18) : 0;
            var lastPaid = snapshotDate.AddMonths(-Math.Max(months, 1)).AddDays(-random.Next(0, 10));
            if (!inArrears)
            {
                lastPaid = snapshotDate.AddDays(-random.Next(1, 25));
            }
            var reported = inArrears ? Math.Max(1, registered - random.Next(registered / 2 + 1)) : registered;
            var kind = random.Next(4) == 0 ? "PT" : "CV";
            var name = $"{kind} {NameStems[random.Next(NameStems.Length)]} {NameStems[random.Next(NameStems.Length)]} {regency.Name}";
            var status = inArrears ? Statuses[Math.Min(months / 4, Statuses.Length - 1)] : null;
            var followupOn = inArrears ? snapshotDate.AddDays(-random.Next(5, 90)) : (DateOnly?)null;
            yield return
            [
                i,
                typed,
                name,
                Sectors[random.Next(Sectors.Length)],
                regency.Districts[random.Next(regency.Districts.Count)].Name,
                registered,
                reported,
                months,
                inArrears ? (long)months * reported * 180_000 : 0L,
                lastPaid,
                status,
                followupOn,
                null,
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
    /// A whole compliance sheet: the title, the "Tanggal Data" line (when <paramref name="dataDate"/> is given), a blank
    /// row, the header and <paramref name="rows"/>, ready for <see cref="SpreadsheetWriter"/>.
    /// </summary>
    public static SheetSpec Sheet(string regencyCode, IEnumerable<object?[]> rows, DateOnly? dataDate, string sheetName = "Kepatuhan")
    {
        return new SheetSpec(sheetName, Layout());

        IEnumerable<object?[]> Layout()
        {
            yield return [Title(regencyCode)];
            if (dataDate is { } date)
            {
                yield return [DataDateLine(date)];
            }
            yield return [];
            foreach (var row in WithHeader(rows))
            {
                yield return row;
            }
        }
    }
}
