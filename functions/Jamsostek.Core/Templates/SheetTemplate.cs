using System.Diagnostics.CodeAnalysis;

namespace Jamsostek.Core.Templates;

/// <summary>
/// The columns of one kind of sheet (contract section 2) and the header texts offices use for them.
/// </summary>
/// <remarks>
/// A header matches an alias when both give the same key: letters and digits only, case ignored, so spaces,
/// punctuation and line breaks do not matter ("NO. KTP", "no ktp", "No_KTP" are "No KTP"). When the whole
/// header matches nothing, it is tried again without trailing footnotes: <c>*</c> marks and a parenthesised or
/// bracketed note ("NIK (16 digit)", "NIK *"). The whole header wins, so "Target (Non-ASN)" stays Target Non-ASN.
/// </remarks>
public sealed class SheetTemplate
{
    private readonly TemplateField[] fields;
    private readonly Dictionary<string, int> indexByName;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> indexByKey;

    private SheetTemplate(SheetKind kind, TemplateField[] fields)
    {
        Kind = kind;
        this.fields = fields;
        indexByName = new Dictionary<string, int>(fields.Length, StringComparer.Ordinal);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (!indexByName.TryAdd(field.Name, i))
            {
                throw new InvalidOperationException($"The {kind} template names {field.Name} twice.");
            }
            foreach (var alias in field.Aliases)
            {
                var key = HeaderKey.Of(alias);
                if (byKey.TryGetValue(key, out var other) && other != i)
                {
                    throw new InvalidOperationException(
                        $"The {kind} header \"{alias}\" would match both {fields[other].Name} and {field.Name}.");
                }
                byKey[key] = i;
            }
        }
        indexByKey = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        if (fields.Length > 64)
        {
            throw new InvalidOperationException("Header detection keeps the fields of a template in a 64-bit mask.");
        }
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Required || fields[i].StandsInFor is not null)
            {
                RequiredMask |= 1UL << i;
            }
        }
    }

    /// <summary>The bits (by index in <see cref="Fields"/>) of required fields and of the fields that stand in for them.</summary>
    internal ulong RequiredMask { get; }

    public SheetKind Kind { get; }

    /// <summary>The fields in the order of the contract.</summary>
    public IReadOnlyList<TemplateField> Fields => fields;

    /// <summary>Perjanjian / MoU / PKS, one row per agreement.</summary>
    public static SheetTemplate Agreements { get; } = new(SheetKind.Agreements, BuildAgreements());

    /// <summary>Daftar Peserta, one row per worker.</summary>
    public static SheetTemplate Enrolments { get; } = new(SheetKind.Enrolments, BuildEnrolments());

    /// <summary>Kepatuhan Badan Usaha, one row per employer.</summary>
    public static SheetTemplate Compliance { get; } = new(SheetKind.Compliance, BuildCompliance());

    /// <summary>Every template, in the order header detection prefers them when two fit a row equally well.</summary>
    public static IReadOnlyList<SheetTemplate> All { get; } = [Enrolments, Agreements, Compliance];

    public static SheetTemplate For(SheetKind kind) => kind switch
    {
        SheetKind.Agreements => Agreements,
        SheetKind.Enrolments => Enrolments,
        SheetKind.Compliance => Compliance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public bool TryGetField(string name, [NotNullWhen(true)] out TemplateField? field)
    {
        field = indexByName.TryGetValue(name, out var index) ? fields[index] : null;
        return field is not null;
    }

    /// <summary>The field a header text names, if any (see the remarks on <see cref="SheetTemplate"/>).</summary>
    public bool TryMatch(string? header, [NotNullWhen(true)] out TemplateField? field)
    {
        var index = header is null ? -1 : IndexOf(header);
        field = index < 0 ? null : fields[index];
        return field is not null;
    }

    /// <summary>The index in <see cref="Fields"/> of the field a header names, or -1.</summary>
    internal int IndexOf(ReadOnlySpan<char> header)
    {
        Span<char> key = stackalloc char[HeaderKey.MaxLength];
        var length = HeaderKey.Write(header, key);
        if (length > 0 && indexByKey.TryGetValue(key[..length], out var index))
        {
            return index;
        }

        var stripped = HeaderKey.WithoutFootnotes(header);
        if (stripped.Length == header.Length)
        {
            return -1;
        }
        length = HeaderKey.Write(stripped, key);
        return length > 0 && indexByKey.TryGetValue(key[..length], out index) ? index : -1;
    }

    private static TemplateField Field(string name, FieldType type, bool required, params string[] aliases) =>
        new(name, type, required, aliases);

    // The first alias names the column in messages; the first three distinct ones are suggested when it is missing.
    private static TemplateField[] BuildAgreements() =>
    [
        Field(FieldNames.AgreementNo, FieldType.Text, true,
            "Nomor PKS", "No. Perjanjian", "Nomor MoU", "Agreement No",
            "No PKS", "Nomor Perjanjian", "No MoU", "Nomor Perjanjian Kerja Sama", "No Perjanjian Kerja Sama",
            "Nomor Kesepakatan", "Agreement Number"),
        Field(FieldNames.AgreementType, FieldType.AgreementType, true,
            "Jenis", "Jenis Perjanjian", "Jenis Dokumen", "Jenis Kerja Sama", "Agreement Type", "Type"),
        Field(FieldNames.RegionCode, FieldType.RegionCode, false,
            "Kode Wilayah", "Kode Kab/Kota", "Kode Kabupaten/Kota", "Kode Kabupaten", "Kode Kota", "Kode Daerah",
            "Region Code"),
        Field(FieldNames.RegionName, FieldType.Text, false,
            "Kabupaten/Kota", "Wilayah", "Kab/Kota", "Kabupaten", "Kota", "Nama Wilayah", "Nama Kabupaten/Kota",
            "Pemerintah Daerah", "Pemda", "Region", "Regency/City"),
        Field(FieldNames.BranchOffice, FieldType.Text, false,
            "Kantor Cabang", "Cabang BPJS", "Cabang", "KC", "Kantor Cabang BPJS Ketenagakerjaan",
            "Cabang BPJS Ketenagakerjaan", "Branch Office", "Branch"),
        Field(FieldNames.SignedOn, FieldType.Date, false,
            "Tanggal Penandatanganan", "Tgl TTD", "Tanggal TTD", "Tgl Penandatanganan", "Tanggal Tanda Tangan",
            "Tanggal Perjanjian", "Tanggal PKS", "Signed On", "Signing Date", "Date Signed"),
        Field(FieldNames.CoverageStart, FieldType.Date, true,
            "Mulai Berlaku", "Periode Mulai", "Tanggal Mulai", "Tgl Mulai", "Tanggal Mulai Berlaku", "Berlaku Mulai",
            "Berlaku Sejak", "Mulai", "Start Date", "Coverage Start", "Effective Date"),
        Field(FieldNames.CoverageEnd, FieldType.Date, true,
            "Berakhir", "Periode Selesai", "Tanggal Berakhir", "Tgl Berakhir", "Tanggal Selesai", "Tgl Selesai",
            "Berlaku Sampai", "Berlaku Hingga", "Akhir Berlaku", "Selesai", "End Date", "Coverage End", "Expiry Date"),
        Field(FieldNames.FundingSource, FieldType.FundingSource, false,
            "Sumber Dana", "Sumber Anggaran", "Sumber Pendanaan", "Funding Source"),
        Field(FieldNames.BudgetIdr, FieldType.Amount, false,
            "Anggaran", "Nilai Anggaran (Rp)", "Nilai Anggaran", "Pagu Anggaran", "Pagu", "Total Anggaran", "Budget",
            "Budget (IDR)", "Budget (Rp)"),
        Field(FieldNames.TargetParticipants, FieldType.WholeNumber, false,
            "Target Peserta", "Target", "Jumlah Target", "Target Jumlah Peserta", "Target Participants"),
        Field(FieldNames.TargetNonAsn, FieldType.WholeNumber, false,
            "Target Non-ASN", "Target Pegawai Non-ASN", "Target Honorer", "Target Non-ASN Participants"),
        Field(FieldNames.TargetVulnerable, FieldType.WholeNumber, false,
            "Target Pekerja Rentan", "Target Rentan", "Target BPU Rentan", "Target Vulnerable Workers",
            "Target Vulnerable"),
        Field(FieldNames.Programs, FieldType.Programs, false,
            "Program", "Program Jaminan", "Jenis Program", "Program BPJS", "Programs"),
        Field(FieldNames.MonthlyContributionIdr, FieldType.Amount, false,
            "Iuran per Bulan", "Iuran/Bulan", "Iuran Bulanan", "Iuran", "Besaran Iuran", "Iuran per Orang per Bulan",
            "Monthly Contribution", "Contribution per Month"),
        Field(FieldNames.ContributionNonAsnIdr, FieldType.Amount, false,
            "Iuran Non-ASN", "Iuran per Bulan Non-ASN", "Iuran Honorer", "Monthly Contribution Non-ASN"),
        Field(FieldNames.ContributionVulnerableIdr, FieldType.Amount, false,
            "Iuran Pekerja Rentan", "Iuran per Bulan Pekerja Rentan", "Iuran Rentan", "Monthly Contribution Vulnerable"),
        Field(FieldNames.LegalBasis, FieldType.Text, false,
            "Dasar Hukum", "Regulasi", "Peraturan", "Legal Basis"),
    ];

    private static TemplateField[] BuildEnrolments() =>
    [
        Field(FieldNames.Nik, FieldType.Nik, true,
            "NIK", "No KTP", "Nomor Induk Kependudukan", "No. KTP", "Nomor KTP", "NIK KTP", "NIK Peserta",
            "National ID Number"),
        Field(FieldNames.FullName, FieldType.PersonName, true,
            "Nama", "Nama Lengkap", "Nama Peserta", "Nama Tenaga Kerja", "Nama Pekerja", "Nama Sesuai KTP",
            "Name", "Full Name"),
        Field(FieldNames.BirthPlace, FieldType.Text, false,
            "Tempat Lahir", "Place of Birth", "Birth Place"),
        Field(FieldNames.BirthDate, FieldType.Date, true,
            "Tanggal Lahir", "Tgl Lahir", "Tgl. Lahir", "Date of Birth", "Birth Date", "DOB"),
        new TemplateField(FieldNames.BirthPlaceDate, FieldType.Text, false,
            ["Tempat/Tgl Lahir", "TTL", "Tempat/Tanggal Lahir", "Tempat, Tanggal Lahir", "Tempat & Tgl Lahir",
             "Place and Date of Birth"])
        {
            StandsInFor = FieldNames.BirthDate,
        },
        Field(FieldNames.Gender, FieldType.Gender, false,
            "Jenis Kelamin", "L/P", "JK", "Kelamin", "Gender", "Sex"),
        Field(FieldNames.Address, FieldType.Text, false,
            "Alamat", "Alamat Lengkap", "Alamat Domisili", "Alamat KTP", "Address"),
        Field(FieldNames.Village, FieldType.Text, false,
            "Desa/Kelurahan", "Desa", "Kelurahan", "Desa/Kel", "Kel/Desa", "Kelurahan/Desa", "Village"),
        Field(FieldNames.District, FieldType.Text, false,
            "Kecamatan", "Kec", "District", "Sub-district"),
        Field(FieldNames.Phone, FieldType.Phone, false,
            "No HP", "Telepon", "No. HP", "Nomor HP", "No Telp", "No Telepon", "Nomor Telepon", "HP", "No WA",
            "Nomor WA", "No HP/WA", "Handphone", "Phone", "Phone Number", "Mobile"),
        Field(FieldNames.Occupation, FieldType.Occupation, false,
            "Pekerjaan", "Jenis Pekerjaan", "Profesi", "Occupation", "Job"),
        Field(FieldNames.Segment, FieldType.Segment, false,
            "Segmen", "Kategori", "Segmen Peserta", "Kategori Peserta", "Segment"),
        Field(FieldNames.AgreementNo, FieldType.Text, false,
            "Nomor PKS", "No PKS", "No. PKS", "No. Perjanjian", "Nomor Perjanjian", "Agreement No",
            "Agreement Number"),
        Field(FieldNames.CoverageStart, FieldType.Date, false,
            "Mulai", "Tanggal Mulai", "Mulai Kepesertaan", "Periode Mulai", "Tgl Mulai", "Tanggal Mulai Kepesertaan",
            "Start Date", "Coverage Start"),
        Field(FieldNames.CoverageEnd, FieldType.Date, false,
            "Selesai", "Tanggal Selesai", "Akhir Kepesertaan", "Periode Selesai", "Berakhir", "Tgl Selesai",
            "Tanggal Berakhir", "End Date", "Coverage End"),
        Field(FieldNames.MonthlyIncomeIdr, FieldType.Amount, false,
            "Penghasilan", "Upah", "Penghasilan per Bulan", "Penghasilan Bulanan", "Upah per Bulan", "Pendapatan",
            "Monthly Income", "Income"),
        Field(FieldNames.Programs, FieldType.Programs, false,
            "Program", "Program Jaminan", "Programs"),
        Field(FieldNames.Kpj, FieldType.Kpj, false,
            "No KPJ", "Nomor KPJ", "KPJ", "No Kartu Peserta", "KPJ Number"),
    ];

    private static TemplateField[] BuildCompliance() =>
    [
        Field(FieldNames.Npp, FieldType.Npp, true,
            "NPP", "Nomor Pendaftaran Perusahaan", "No. NPP", "Nomor NPP", "No Pendaftaran Perusahaan",
            "Employer Registration Number", "Employer Number"),
        Field(FieldNames.CompanyName, FieldType.Text, true,
            "Nama Perusahaan", "Nama Badan Usaha", "Perusahaan", "Badan Usaha", "Nama PK/BU", "Nama Pemberi Kerja",
            "Company Name", "Employer", "Company"),
        Field(FieldNames.Sector, FieldType.Text, false,
            "Sektor", "Bidang Usaha", "Sektor Usaha", "Jenis Usaha", "Sector", "Industry"),
        Field(FieldNames.District, FieldType.Text, false,
            "Kecamatan", "Kec", "District", "Sub-district"),
        Field(FieldNames.RegisteredWorkers, FieldType.WholeNumber, false,
            "Jumlah Tenaga Kerja Terdaftar", "TK Terdaftar", "Jumlah TK Terdaftar", "Tenaga Kerja Terdaftar",
            "Registered Workers"),
        Field(FieldNames.ReportedWorkers, FieldType.WholeNumber, false,
            "TK Dilaporkan", "Jumlah TK Bulan Terakhir", "Jumlah TK Dilaporkan", "Tenaga Kerja Dilaporkan",
            "TK Bulan Terakhir", "Reported Workers"),
        Field(FieldNames.ArrearsMonths, FieldType.WholeNumber, false,
            "Bulan Menunggak", "Lama Tunggakan (Bulan)", "Lama Tunggakan", "Jumlah Bulan Menunggak", "Tunggakan (Bulan)",
            "Months in Arrears", "Arrears Months"),
        Field(FieldNames.ArrearsIdr, FieldType.Amount, false,
            "Jumlah Tunggakan", "Tunggakan (Rp)", "Tunggakan", "Nilai Tunggakan", "Total Tunggakan", "Tunggakan Iuran",
            "Arrears", "Arrears (IDR)", "Amount Owed"),
        Field(FieldNames.LastPaidOn, FieldType.Date, false,
            "Tanggal Bayar Terakhir", "Pembayaran Terakhir", "Tgl Bayar Terakhir", "Tanggal Pembayaran Terakhir",
            "Bayar Terakhir", "Last Payment", "Last Paid On"),
        Field(FieldNames.FollowupStatus, FieldType.FollowupStatus, false,
            "Status Tindak Lanjut", "Tindak Lanjut", "Status", "Status Penanganan", "Follow-up Status", "Follow-up"),
        Field(FieldNames.FollowupOn, FieldType.Date, false,
            "Tanggal Tindak Lanjut", "Tgl Tindak Lanjut", "Tanggal Penanganan", "Follow-up Date"),
        Field(FieldNames.Note, FieldType.Text, false,
            "Keterangan", "Catatan", "Ket", "Note", "Notes", "Remarks"),
    ];
}
