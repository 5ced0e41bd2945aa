using Jamsostek.Core.Findings;
using Jamsostek.Core.Sheets;
using Jamsostek.Core.Templates;
using static Jamsostek.Core.Tests.Templates.Rows;
using Jamsostek.Core.Tests.Findings;

namespace Jamsostek.Core.Tests.Templates;

public sealed class HeaderDetectorTests
{
    [Fact]
    public void HeaderBelowTwoTitleRowsAndABlankRowIsFoundOnItsOwnRow()
    {
        SheetRow[] rows =
        [
            Title(1, "DAFTAR PESERTA BPU KABUPATEN SUMBAWA TAHUN 2025"),
            Title(2, "PROGRAM PERLINDUNGAN PEKERJA RENTAN"),
            Blank(3),
            Row(4, "No", "NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Pekerjaan"),
            Row(5, 1.0, "5204014203900001", "Siti Aminah", "Sumbawa", "02/03/1990", "P", "Petani"),
        ];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Empty(detection.Findings);
        Assert.Equal(SheetKind.Enrolments, detection.Layout.Kind);
        Assert.Equal(4, detection.Layout.HeaderRowNumber);
        Assert.Equal(FieldNames.Nik, detection.Layout.FieldsByColumn[1].Name);
        Assert.Equal(FieldNames.FullName, detection.Layout.FieldsByColumn[2].Name);
        Assert.Equal(FieldNames.BirthPlace, detection.Layout.FieldsByColumn[3].Name);
        Assert.Equal(FieldNames.BirthDate, detection.Layout.FieldsByColumn[4].Name);
        Assert.Equal(FieldNames.Gender, detection.Layout.FieldsByColumn[5].Name);
        Assert.Equal(FieldNames.Occupation, detection.Layout.FieldsByColumn[6].Name);
    }

    [Fact]
    public void UnrecognisedHeadingsAndAllHeaderTextsAreKeptForTheRejectedRowsFile()
    {
        SheetRow[] rows = [Row(1, "No", "NIK", "Nama", "Tgl Lahir", null, "Nama Ibu Kandung")];

        var layout = HeaderDetector.Detect(rows).Layout!;

        Assert.Equal([new UnrecognisedColumn(0, "No"), new UnrecognisedColumn(5, "Nama Ibu Kandung")], layout.UnrecognisedColumns);
        Assert.Equal(["No", "NIK", "Nama", "Tgl Lahir", null, "Nama Ibu Kandung"], layout.HeaderTexts);
    }

    [Fact]
    public void EnglishEnrolmentHeadersAreRecognised()
    {
        SheetRow[] rows = [Row(1, "NIK", "Full Name", "Date of Birth", "Sex", "Phone", "Occupation", "Segment")];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Equal(SheetKind.Enrolments, detection.Layout.Kind);
        Assert.Equal(
            [FieldNames.Nik, FieldNames.FullName, FieldNames.BirthDate, FieldNames.Gender, FieldNames.Phone, FieldNames.Occupation, FieldNames.Segment],
            detection.Layout.FieldsByColumn.Values.Select(f => f.Name));
    }

    [Fact]
    public void EnglishAgreementHeadersAreRecognised()
    {
        SheetRow[] rows = [Row(1, "Agreement No", "Agreement Type", "Start Date", "End Date", "Budget", "Funding Source")];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Equal(SheetKind.Agreements, detection.Layout.Kind);
        Assert.Equal(6, detection.Layout.FieldsByColumn.Count);
    }

    [Fact]
    public void ShoutedAndPunctuatedHeadingsAreRecognised()
    {
        SheetRow[] rows = [Row(3, "NO. KTP", "nama_lengkap", "TGL.LAHIR", "jenis  kelamin (L/P)", "NIK *")];

        var detection = HeaderDetector.Detect(rows);

        var layout = detection.Layout!;
        Assert.Equal(SheetKind.Enrolments, layout.Kind);
        Assert.Equal(FieldNames.Nik, layout.FieldsByColumn[0].Name);
        Assert.Equal(FieldNames.FullName, layout.FieldsByColumn[1].Name);
        Assert.Equal(FieldNames.BirthDate, layout.FieldsByColumn[2].Name);
        Assert.Equal(FieldNames.Gender, layout.FieldsByColumn[3].Name);
        // "NIK *" is NIK again: the footnote mark does not make it another column.
        Assert.Equal(FieldNames.Nik, Assert.Single(detection.Findings).Field);
    }

    [Fact]
    public void AgreementSheetWithNomorPksIsRecognisedAsAgreements()
    {
        SheetRow[] rows =
        [
            Title(1, "DAFTAR PERJANJIAN KERJA SAMA PERLINDUNGAN JAMSOSTEK"),
            Row(2, "No", "Nomor PKS", "Jenis", "Kabupaten/Kota", "Anggaran", "Target Peserta", "Mulai Berlaku", "Berakhir", "Program"),
        ];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Equal(SheetKind.Agreements, detection.Layout.Kind);
        Assert.Equal(2, detection.Layout.HeaderRowNumber);
        Assert.Equal(FieldNames.AgreementType, detection.Layout.FieldsByColumn[2].Name);
    }

    [Fact]
    public void EnrolmentSheetWithNomorPksAndPeriodColumnsIsRecognisedAsEnrolments()
    {
        // Nomor PKS, Program and the period headings also fit the agreements template.
        SheetRow[] rows = [Row(1, "Nomor PKS", "NIK", "Nama", "Tanggal Lahir", "Periode Mulai", "Periode Selesai", "Program")];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Equal(SheetKind.Enrolments, detection.Layout.Kind);
        Assert.Equal(FieldNames.AgreementNo, detection.Layout.FieldsByColumn[0].Name);
        Assert.Equal(FieldNames.CoverageStart, detection.Layout.FieldsByColumn[4].Name);
    }

    [Fact]
    public void AgreementSheetMissingItsRequiredPeriodIsStillRecognisedAsAgreements()
    {
        SheetRow[] rows = [Row(1, "Nomor PKS", "Jenis", "Program", "Anggaran")];

        var detection = HeaderDetector.Detect(rows);

        Assert.Equal(SheetKind.Agreements, detection.Layout!.Kind);
        Assert.Equal(
            [FieldNames.CoverageStart, FieldNames.CoverageEnd],
            detection.Findings.Where(f => f.Code == FindingCode.HeaderMissingColumn).Select(f => f.Field));
    }

    [Fact]
    public void MissingNikColumnIsReportedAtTheHeaderRowNamingTheColumnAndItsHeadings()
    {
        SheetRow[] rows =
        [
            Title(1, "DAFTAR PESERTA BPU KABUPATEN ENDE TAHUN 2025"),
            Blank(2),
            Blank(3),
            Row(4, "No", "Nama", "Tanggal Lahir", "Alamat", "Pekerjaan"),
        ];

        var detection = HeaderDetector.Detect(rows, "Sheet1");

        Assert.True(detection.Found);
        Assert.False(detection.IsUsable);
        var finding = Assert.Single(detection.Findings);
        Assert.Equal(FindingCode.HeaderMissingColumn, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(4, finding.Row);
        Assert.Equal(FieldNames.Nik, finding.Field);
        Assert.Equal("Sheet1", finding.Sheet);
        Assert.Equal(
            "Kolom wajib \"NIK\" tidak ditemukan di baris judul (baris 4). " +
            "Tambahkan kolom dengan salah satu judul: NIK, No KTP, Nomor Induk Kependudukan.",
            finding.Text());
    }

    [Fact]
    public void MissingColumnMessageIsInEnglishWhenAsked()
    {
        SheetRow[] rows = [Row(2, "NIK", "Nama", "Alamat", "Pekerjaan")];

        var finding = Assert.Single(HeaderDetector.Detect(rows).Findings);

        Assert.Equal(FindingCode.HeaderMissingColumn, finding.Code);
        Assert.Equal(FieldNames.BirthDate, finding.Field);
        Assert.StartsWith("Required column \"Tanggal Lahir\" was not found in the header row (row 2).", finding.Text(Language.En));
        // The combined place-and-date column is offered as well.
        Assert.Contains("Tempat/Tgl Lahir", finding.Text(Language.En));
    }

    [Theory]
    [InlineData("Tempat/Tgl Lahir")]
    [InlineData("TTL")]
    [InlineData("Tempat, Tanggal Lahir")]
    public void CombinedPlaceAndDateOfBirthColumnStandsInForTheBirthDate(string heading)
    {
        SheetRow[] rows = [Row(1, "NIK", "Nama", heading, "Alamat")];

        var detection = HeaderDetector.Detect(rows);

        Assert.True(detection.IsUsable);
        Assert.Equal(FieldNames.BirthPlaceDate, detection.Layout.FieldsByColumn[2].Name);
        Assert.False(detection.Layout.Has(FieldNames.BirthDate));
    }

    [Fact]
    public void TwoColumnsForTheSameFieldAreReportedNamingBothCells()
    {
        SheetRow[] rows =
        [
            Title(1, "DAFTAR PESERTA"),
            Blank(2),
            Blank(3),
            Blank(4),
            Row(5, "No", "NIK", "Nama", "Tanggal Lahir", "Alamat", "No KTP"),
        ];

        var detection = HeaderDetector.Detect(rows);

        var finding = Assert.Single(detection.Findings);
        Assert.Equal(FindingCode.HeaderDuplicateColumn, finding.Code);
        Assert.Equal(5, finding.Row);
        Assert.Equal("F5", finding.Cell);
        Assert.Equal(FieldNames.Nik, finding.Field);
        Assert.Contains("B5", finding.Text());
        Assert.Contains("F5", finding.Text());
        Assert.Contains("\"No KTP\"", finding.Text());
        // The first column keeps the field; the repeat is carried like an unknown column.
        Assert.True(detection.Layout!.TryGetColumn(FieldNames.Nik, out var column));
        Assert.Equal(1, column);
        Assert.Contains(new UnrecognisedColumn(5, "No KTP"), detection.Layout.UnrecognisedColumns);
    }

    [Fact]
    public void DuplicateColumnMessageIsInEnglishWhenAsked()
    {
        SheetRow[] rows = [Row(2, "NIK", "Nama", "Tanggal Lahir", "Nama\nLengkap")];

        var finding = Assert.Single(HeaderDetector.Detect(rows).Findings);

        Assert.Equal(FindingCode.HeaderDuplicateColumn, finding.Code);
        Assert.Equal(
            "The column \"Nama\" appears twice in the header row: cell B2 (\"Nama\") and cell D2 (\"Nama Lengkap\"). " +
            "Delete one of them or give it another heading, so that there is only one \"Nama\" column.",
            finding.Text(Language.En));
    }

    [Fact]
    public void SheetWithoutAnyHeaderIsHeaderNotFound()
    {
        SheetRow[] rows =
        [
            Title(1, "LAPORAN KEGIATAN"),
            Row(2, "Sumbawa", 12.0, "Petani"),
            Row(3, "Ende", 7.0, "Nelayan"),
        ];

        var detection = HeaderDetector.Detect(rows);

        Assert.False(detection.Found);
        Assert.Null(detection.Layout);
        var finding = Assert.Single(detection.Findings);
        Assert.Equal(FindingCode.HeaderNotFound, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("3 baris pertama", finding.Text());
    }

    [Fact]
    public void EmptySheetIsHeaderNotFound()
    {
        var detection = HeaderDetector.Detect([]);

        Assert.Equal(FindingCode.HeaderNotFound, Assert.Single(detection.Findings).Code);
        Assert.StartsWith("No header row was found", detection.Findings[0].Text(Language.En));
    }

    [Fact]
    public void TwoRecognisedHeadingsAreNotEnoughForAHeader()
    {
        SheetRow[] rows = [Row(1, "NIK", "Nama", "Keterangan")];

        Assert.False(HeaderDetector.Detect(rows).Found);
    }

    [Fact]
    public void HeadingsWithoutAnyRequiredFieldAreNotAHeader()
    {
        // Three enrolment fields, none of them required (and none that agreements require either).
        SheetRow[] rows = [Row(1, "Alamat", "Kecamatan", "Pekerjaan", "No HP")];

        Assert.False(HeaderDetector.Detect(rows).Found);
    }

    [Fact]
    public void RowWithMoreRecognisedHeadingsWinsOverAnEarlierPartialOne()
    {
        // A legend row above the real header happens to name three fields.
        SheetRow[] rows =
        [
            Row(1, "NIK", "Nama", "Alamat"),
            Row(2, "No", "NIK", "Nama", "Tanggal Lahir", "Alamat", "Pekerjaan"),
        ];

        Assert.Equal(2, HeaderDetector.Detect(rows).Layout!.HeaderRowNumber);
    }

    [Fact]
    public void RowsBeyondTheScanLimitAreNotSearched()
    {
        var rows = Enumerable.Range(1, HeaderDetector.RowsToScan)
            .Select(n => Title(n, "catatan"))
            .Append(Row(HeaderDetector.RowsToScan + 1, "NIK", "Nama", "Tanggal Lahir"))
            .ToArray();

        var detection = HeaderDetector.Detect(rows);

        Assert.Equal(FindingCode.HeaderNotFound, Assert.Single(detection.Findings).Code);
    }
}
