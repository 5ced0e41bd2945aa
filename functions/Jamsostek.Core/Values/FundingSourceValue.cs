namespace Jamsostek.Core.Values;

/// <summary>
/// Sumber dana: APBD (also "APBD Kabupaten", "APBD Provinsi"), APBDes ("APBDesa", "Dana Desa", "ADD"), APBN,
/// CSR ("TJSL"), Mandiri ("Swadaya").
/// </summary>
public static class FundingSourceValue
{
    private static readonly SpellingTable<FundingSource> Spellings = new([
        ("APBD", FundingSource.APBD), ("APBD Kabupaten", FundingSource.APBD), ("APBD Kab", FundingSource.APBD),
        ("APBD Kota", FundingSource.APBD), ("APBD Provinsi", FundingSource.APBD), ("APBD Prov", FundingSource.APBD),
        ("APBDes", FundingSource.APBDes), ("APBDesa", FundingSource.APBDes), ("Dana Desa", FundingSource.APBDes),
        ("Alokasi Dana Desa", FundingSource.APBDes), ("ADD", FundingSource.APBDes),
        ("APBN", FundingSource.APBN),
        ("CSR", FundingSource.CSR), ("TJSL", FundingSource.CSR),
        ("Mandiri", FundingSource.Mandiri), ("Swadaya", FundingSource.Mandiri),
    ]);

    public static ParsedValue<FundingSource> Parse(object? cell) =>
        Spellings.Parse(cell, ValueCodes.FundingSourceUnknown, "funding source (APBD, APBDes, APBN, CSR, Mandiri)");
}
