using Jamsostek.TestData.Internal;

namespace Jamsostek.TestData;

/// <summary>Agreement sheets (Perjanjian / MoU / PKS), one row per agreement.</summary>
public static class AgreementSheet
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "Nomor PKS", "Jenis", "Kode Wilayah", "Kabupaten/Kota", "Kantor Cabang", "Tanggal Penandatanganan", "Mulai Berlaku",
        "Berakhir", "Sumber Dana", "Anggaran", "Target Peserta", "Target Non-ASN", "Target Pekerja Rentan", "Program",
        "Iuran per Bulan", "Dasar Hukum",
    ];

    /// <summary>The header as a row.</summary>
    public static object?[] HeaderRow() => [.. Header];

    /// <summary>
    /// One agreement row in <see cref="Header"/> order. Value parameters take whatever a cell may hold, so a test
    /// can give a typed value (<see cref="DateOnly"/>, <see cref="long"/>) or text as an office types it
    /// ("28 Oktober 2025", "Rp 1.500.000.000", "1,5 miliar", "16.800"); null leaves a cell empty. Region name
    /// and branch office, when null, are derived from <paramref name="regionCode"/> ("Kabupaten Sumbawa",
    /// "Sumbawa"); pass "" to leave them blank.
    /// </summary>
    public static object?[] Row(
        string agreementNo,
        string? type = "PKS",
        string? regionCode = "5204",
        string? regionName = null,
        string? branchOffice = null,
        object? signedOn = null,
        object? coverageStart = null,
        object? coverageEnd = null,
        string? fundingSource = "APBD",
        object? budget = null,
        object? targetParticipants = null,
        object? targetNonAsn = null,
        object? targetVulnerable = null,
        string? programs = "JKK, JKM",
        object? monthlyContribution = null,
        string? legalBasis = null)
    {
        Regency? regency = null;
        if (regionCode is not null)
        {
            try
            {
                regency = Regencies.Get(regionCode);
            }
            catch (ArgumentException)
            {
                regency = null; // a deliberately malformed code: leave the defaults empty
            }
        }

        return
        [
            agreementNo,
            type,
            regionCode,
            regionName ?? (regency is null ? null : $"{regency.Kind} {regency.Name}"),
            branchOffice ?? regency?.BranchOffice,
            signedOn,
            coverageStart,
            coverageEnd,
            fundingSource,
            budget,
            targetParticipants,
            targetNonAsn,
            targetVulnerable,
            programs,
            monthlyContribution,
            legalBasis,
        ];
    }

    /// <summary>The header row followed by <paramref name="rows"/>.</summary>
    public static IEnumerable<object?[]> WithHeader(params object?[][] rows) => [HeaderRow(), .. rows];

    /// <summary>An agreement sheet: the header and the rows, optionally below title lines and a blank row.</summary>
    public static SheetSpec Sheet(IEnumerable<object?[]> rows, string sheetName = "Perjanjian", params string[] titleLines)
    {
        IEnumerable<object?[]> all = [HeaderRow(), .. rows];
        return titleLines.Length == 0
            ? new SheetSpec(sheetName, all)
            : new SheetSpec(sheetName, EnrolmentSheet.WithTitle(all, titleLines),
                MergedRanges: [.. Enumerable.Range(1, titleLines.Length).Select(r => $"A{r}:{CellAddress.Column(Header.Count - 1)}{r}")]);
    }
}
