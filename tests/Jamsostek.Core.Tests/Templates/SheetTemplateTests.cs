using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Tests.Templates;

public sealed class SheetTemplateTests
{
    [Theory]
    [InlineData("NIK")]
    [InlineData("No KTP")]
    [InlineData("NO. KTP")]
    [InlineData("no ktp")]
    [InlineData("No_KTP")]
    [InlineData("  No   KTP ")]
    [InlineData("Nomor Induk\nKependudukan")]
    [InlineData("NIK *")]
    [InlineData("NIK*")]
    [InlineData("NIK (16 digit)")]
    [InlineData("NIK (16 digit) *")]
    [InlineData("NIK [wajib]")]
    public void SpellingsOfANikHeadingMatchTheNikField(string heading)
    {
        Assert.True(SheetTemplate.Enrolments.TryMatch(heading, out var field));
        Assert.Equal(FieldNames.Nik, field.Name);
    }

    [Theory]
    [InlineData("Jenis Kelamin (L/P)", FieldNames.Gender)]
    [InlineData("L / P", FieldNames.Gender)]
    [InlineData("(L/P)", FieldNames.Gender)]
    [InlineData("Tanggal Lahir (dd/mm/yyyy)", FieldNames.BirthDate)]
    [InlineData("Penghasilan (Rp)", FieldNames.MonthlyIncomeIdr)]
    [InlineData("TEMPAT/TGL. LAHIR", FieldNames.BirthPlaceDate)]
    [InlineData("Desa / Kelurahan", FieldNames.Village)]
    public void EnrolmentHeadingsWithNotesMatchTheirField(string heading, string expected)
    {
        Assert.True(SheetTemplate.Enrolments.TryMatch(heading, out var field));
        Assert.Equal(expected, field.Name);
    }

    [Theory]
    [InlineData("Nilai Anggaran (Rp)", FieldNames.BudgetIdr)]
    [InlineData("Nilai Anggaran (Rupiah)", FieldNames.BudgetIdr)]
    [InlineData("Target (Non-ASN)", FieldNames.TargetNonAsn)]
    [InlineData("Target Non ASN", FieldNames.TargetNonAsn)]
    [InlineData("Kode Kab./Kota", FieldNames.RegionCode)]
    [InlineData("Tgl. TTD", FieldNames.SignedOn)]
    public void AgreementHeadingsMatchTheirField(string heading, string expected)
    {
        Assert.True(SheetTemplate.Agreements.TryMatch(heading, out var field));
        Assert.Equal(expected, field.Name);
    }

    [Theory]
    [InlineData("Nama Ibu Kandung")]
    [InlineData("(16 digit)")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025")]
    [InlineData("NIKAH")]
    public void OtherTextsMatchNoField(string? heading)
    {
        Assert.False(SheetTemplate.Enrolments.TryMatch(heading, out _));
    }

    [Fact]
    public void EveryAliasOfEveryTemplateMatchesItsOwnField()
    {
        foreach (var template in SheetTemplate.All)
        {
            foreach (var field in template.Fields)
            {
                foreach (var alias in field.Aliases)
                {
                    Assert.True(template.TryMatch(alias, out var matched), $"{template.Kind}: \"{alias}\" matches nothing");
                    Assert.Same(field, matched);
                }
            }
        }
    }

    [Fact]
    public void AgreementTemplateHoldsExactlyTheContractFields()
    {
        Assert.Equal(
            [
                "agreement_no", "agreement_type", "region_code", "region_name", "branch_office", "signed_on",
                "coverage_start", "coverage_end", "funding_source", "budget_idr", "target_participants",
                "target_non_asn", "target_vulnerable", "programs", "monthly_contribution_idr",
                // The segments' own rates, which BUDGET_SHORTFALL uses "when the sheet gives them".
                "monthly_contribution_non_asn_idr", "monthly_contribution_vulnerable_idr", "legal_basis",
            ],
            SheetTemplate.Agreements.Fields.Select(f => f.Name));
    }

    [Fact]
    public void RequiredColumnsAreThoseTheContractRequires()
    {
        Assert.Equal(
            ["agreement_no", "agreement_type", "coverage_start", "coverage_end"],
            SheetTemplate.Agreements.Fields.Where(f => f.Required).Select(f => f.Name));
        Assert.Equal(
            ["nik", "full_name", "birth_date"],
            SheetTemplate.Enrolments.Fields.Where(f => f.Required).Select(f => f.Name));
    }

    [Theory]
    [InlineData("Nomor PKS")]
    [InlineData("Nomor MoU")]
    [InlineData("Agreement No")]
    [InlineData("No. Perjanjian")]
    [InlineData("Jenis Perjanjian")]
    [InlineData("Kode Kab/Kota")]
    [InlineData("Wilayah")]
    [InlineData("Cabang BPJS")]
    [InlineData("Tanggal Penandatanganan")]
    [InlineData("Mulai Berlaku")]
    [InlineData("Periode Selesai")]
    [InlineData("Sumber Dana")]
    [InlineData("Target Pekerja Rentan")]
    [InlineData("Iuran per Bulan")]
    [InlineData("Dasar Hukum")]
    public void ContractAgreementHeadingsAreAccepted(string heading)
    {
        Assert.True(SheetTemplate.Agreements.TryMatch(heading, out _));
    }

    [Theory]
    [InlineData("Nomor Induk Kependudukan", FieldNames.Nik)]
    [InlineData("Nama Lengkap", FieldNames.FullName)]
    [InlineData("Tgl Lahir", FieldNames.BirthDate)]
    [InlineData("L/P", FieldNames.Gender)]
    [InlineData("Desa/Kelurahan", FieldNames.Village)]
    [InlineData("Telepon", FieldNames.Phone)]
    [InlineData("Jenis Pekerjaan", FieldNames.Occupation)]
    [InlineData("Kategori", FieldNames.Segment)]
    [InlineData("Nomor PKS", FieldNames.AgreementNo)]
    [InlineData("Mulai", FieldNames.CoverageStart)]
    [InlineData("Selesai", FieldNames.CoverageEnd)]
    [InlineData("Penghasilan", FieldNames.MonthlyIncomeIdr)]
    [InlineData("Program", FieldNames.Programs)]
    [InlineData("No KPJ", FieldNames.Kpj)]
    public void ContractEnrolmentHeadingsMatchTheirField(string heading, string expected)
    {
        Assert.True(SheetTemplate.Enrolments.TryMatch(heading, out var field));
        Assert.Equal(expected, field.Name);
    }
}
