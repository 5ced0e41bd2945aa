using Jamsostek.Core.Compliance;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Sheets;
using Jamsostek.Core.Templates;
using static Jamsostek.Core.Tests.Templates.Rows;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Templates;

public sealed class ComplianceHeaderTests
{
    [Theory]
    [InlineData("NPP", "Nama Perusahaan", "Sektor", "Kecamatan", "TK Terdaftar", "TK Dilaporkan", "Bulan Menunggak", "Jumlah Tunggakan")]
    [InlineData("No. NPP", "Nama Badan Usaha", "Bidang Usaha", "Kecamatan", "Jumlah Tenaga Kerja Terdaftar", "Jumlah TK Bulan Terakhir",
        "Lama Tunggakan (Bulan)", "Tunggakan (Rp)")]
    [InlineData("Nomor Pendaftaran Perusahaan", "NAMA PERUSAHAAN", "Status Tindak Lanjut", "Tanggal Tindak Lanjut", "Tanggal Bayar Terakhir",
        "Keterangan", "Kecamatan", "Alamat")]
    public void AComplianceSheetIsRecognisedFromItsHeaderBelowTheTitleAndDataDate(params string[] header)
    {
        SheetRow[] rows =
        [
            Title(1, "DAFTAR KEPATUHAN BADAN USAHA KABUPATEN SUMBAWA"),
            Title(2, "Tanggal Data: 31 Oktober 2026"),
            Blank(3),
            Row(4, [.. header]),
        ];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable, string.Join("; ", detection.Findings.Select(f => f.Text())));
        Assert.Equal(SheetKind.Compliance, detection.Layout.Kind);
        Assert.Equal(4, detection.Layout.HeaderRowNumber);
        Assert.Equal(FieldNames.Npp, detection.Layout.FieldsByColumn[0].Name);
        Assert.Equal(FieldNames.CompanyName, detection.Layout.FieldsByColumn[1].Name);
    }

    [Fact]
    public void AComplianceHeaderWithoutTheNppColumnNamesTheMissingColumn()
    {
        var detection = HeaderDetector.Detect([Row(1, "Nama Perusahaan", "Sektor", "Kecamatan", "Bulan Menunggak", "Jumlah Tunggakan", "Status Tindak Lanjut")]);

        Assert.False(detection.IsUsable);
        var finding = Assert.Single(detection.Findings);
        Assert.Equal(FindingCode.HeaderMissingColumn, finding.Code);
        Assert.Contains("NPP", finding.Text());
    }

    [Fact]
    public void AnEnrolmentSheetWithAKecamatanColumnStaysAnEnrolmentSheet()
    {
        var detection = HeaderDetector.Detect([Row(1, "NIK", "Nama", "Tanggal Lahir", "Kecamatan", "Status")]);

        Assert.Equal(SheetKind.Enrolments, detection.Layout!.Kind);
    }

    [Theory]
    [InlineData("2026-08-15", "2026-11-30", 3)]
    [InlineData("2026-08-15", "2026-11-14", 2)]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2025-10-31", "2026-10-31", 12)]
    [InlineData("2026-10-31", "2026-10-31", 0)]
    public void WholeMonthsCountCalendarMonthsCompleted(string from, string to, int months)
    {
        Assert.Equal(months, WholeMonths.Between(DateOnly.Parse(from), DateOnly.Parse(to)));
    }
}
