using Jamsostek.Core.Compliance;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Values;
using Jamsostek.TestData;

namespace Jamsostek.Core.Tests.Digest;

/// <summary>The digest's employer compliance section (issue 17), from <see cref="DigestSamples.Compliance"/>.</summary>
public sealed class DigestComplianceTests
{
    [Fact]
    public void TheSectionGivesEmployersInArrearsAndTheTotalOwedAgainstTheSnapshotOfAWeekEarlier()
    {
        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance());
        var lines = Lines(message.Text);

        var heading = lines.IndexOf("KEPATUHAN BADAN USAHA");
        Assert.True(heading > lines.FindIndex(line => line.StartsWith("UNGGAHAN SEJAK", StringComparison.Ordinal)), message.Text);
        Assert.Equal("12 badan usaha menunggak iuran dengan total tunggakan Rp 544 juta menurut data 23 November 2026.", lines[heading + 1]);
        Assert.Equal("Dibanding data 16 November 2026: bertambah 2 badan usaha menunggak (sebelumnya 10), total tunggakan naik Rp 43,5 juta "
            + "(sebelumnya Rp 500 juta).", lines[heading + 2]);
        Assert.Equal("Total tunggakan menurut tanggal data: 31 Agustus 2026 Rp 310 juta; 30 September 2026 Rp 402 juta; 31 Oktober 2026 Rp 455 juta; "
            + "16 November 2026 Rp 500 juta; 23 November 2026 Rp 544 juta.", lines[heading + 3]);
        Assert.True(heading < lines.IndexOf("Tabel lengkap ada di lampiran ringkasan-cakupan-5318-2026-W48.xlsx."));

        Assert.Contains("<h2 style=\"margin:20px 0 6px;font-size:16px;\">Kepatuhan badan usaha</h2>", message.Html);
        Assert.Contains("12 badan usaha menunggak iuran dengan total tunggakan Rp 544 juta menurut data 23 November 2026.", message.Html);
        Assert.Contains("Dibanding data 16 November 2026: bertambah 2 badan usaha menunggak (sebelumnya 10), total tunggakan naik Rp 43,5 juta", message.Html);
        Assert.Contains($"src=\"cid:{DigestComposer.ComplianceChartContentId}\"", message.Html);
        Assert.True(message.Html.IndexOf("Kepatuhan badan usaha", StringComparison.Ordinal) > message.Html.IndexOf("Penggunaan anggaran", StringComparison.Ordinal));

        var chart = Assert.IsType<ComplianceChartData>(message.ComplianceChart);
        Assert.Equal(["31 Agu", "30 Sep", "31 Okt", "16 Nov", "23 Nov"], chart.Labels);
        Assert.Equal([310_000_000m, 402_000_000m, 455_250_000m, 500_000_000m, 543_500_000m], chart.OwedIdr);
        Assert.Equal(DigestComposer.ComplianceChartContentId, chart.ContentId);
        Assert.Equal("grafik-tunggakan.png", chart.FileName);
    }

    [Fact]
    public void TheTenLargestArrearsAreListedLargestFirstWithNppAmountMonthsAndStep()
    {
        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance());
        var lines = Lines(message.Text);

        var heading = lines.IndexOf("TUNGGAKAN TERBESAR");
        Assert.True(heading > lines.IndexOf("KEPATUHAN BADAN USAHA"), message.Text);
        Assert.Equal(
        [
            "- PT Samudra Bahari Sumba (NPP 10000001): Rp 150 juta, 14 bulan, diserahkan ke kejaksaan.",
            "- CV Karya Mandiri (NPP 10000002): Rp 98,5 juta, 9 bulan, surat teguran 2.",
            "- PT Sinar Tambolaka (NPP 10000003): Rp 75 juta, 7 bulan, cicilan.",
            "- CV Maju Jaya (NPP 10000004): Rp 60 juta, 6 bulan, surat teguran 1.",
            "- CV Bintang Timur (NPP 10000005): Rp 45 juta, 5 bulan, surat teguran 1.",
            "- PT Cahaya Lestari (NPP 10000006): Rp 30 juta, 4 bulan, belum ditindaklanjuti.",
            "- CV Mitra Sentosa (NPP 10000007): Rp 25 juta, 3 bulan, belum ditindaklanjuti.",
            "- CV Abadi Makmur (NPP 10000008): Rp 20 juta, 3 bulan, belum ditindaklanjuti.",
            "- CV Harapan Prima (NPP 10000009): Rp 15 juta, 2 bulan, belum ditindaklanjuti.",
            "- CV Jaya Abadi (NPP 10000010): Rp 12 juta, 2 bulan, belum ditindaklanjuti.",
            "",
        ], lines.Skip(heading + 1).Take(11));
        Assert.DoesNotContain("CV Lestari Jaya", message.Text); // the eleventh
        Assert.DoesNotContain("PT Mandiri Sejahtera", message.Text); // paid up

        var table = Assert.Single(message.Tables, t => t.SheetName == "Tunggakan terbesar");
        Assert.Equal(10, table.Rows.Count);
        Assert.Equal(["Perusahaan", "NPP", "Tunggakan (Rp)", "Bulan menunggak", "Tahap tindak lanjut"], table.Columns);
        Assert.Equal(["PT Samudra Bahari Sumba", "10000001", "Rp 150 juta", "14", "diserahkan ke kejaksaan"], table.Rows[0].Select(cell => cell.Display));
        Assert.Equal(150_000_000m, table.Rows[0][2].Value.Decimal);
        Assert.Contains("<td style=\"padding:4px 6px;border-bottom:1px solid #e3e8ee;\">PT Samudra Bahari Sumba</td>", message.Html);
        Assert.True(message.Html.IndexOf("PT Samudra Bahari Sumba", StringComparison.Ordinal) < message.Html.IndexOf("CV Karya Mandiri", StringComparison.Ordinal));
    }

    [Fact]
    public void CasesStuckInOneStepOverThirtyDaysAreListedLongestFirstWithoutInstalmentsOrThirtyDaysExactly()
    {
        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance());
        var lines = Lines(message.Text);

        var heading = lines.IndexOf("TERTAHAN LEBIH DARI 30 HARI DI SATU TAHAP TINDAK LANJUT");
        Assert.True(heading > lines.IndexOf("TUNGGAKAN TERBESAR"), message.Text);
        Assert.Equal(
        [
            "- PT Samudra Bahari Sumba (NPP 10000001): diserahkan ke kejaksaan sejak 10 Agustus 2026, 105 hari.",
            "- CV Karya Mandiri (NPP 10000002): surat teguran 2 sejak 1 Oktober 2026, 53 hari.",
            "- CV Bintang Timur (NPP 10000005): surat teguran 1 sejak 20 Oktober 2026, 34 hari.",
            "",
        ], lines.Skip(heading + 1).Take(4));

        var table = Assert.Single(message.Tables, t => t.SheetName == "Kasus tertahan");
        Assert.Equal(["CV Karya Mandiri", "10000002", "surat teguran 2", "1 Oktober 2026", "53", "Rp 98,5 juta"], table.Rows[1].Select(cell => cell.Display));
        Assert.Equal(3, table.Rows.Count);
        Assert.Contains("<h3 style=\"margin:12px 0 6px;font-size:15px;\">Tertahan lebih dari 30 hari di satu tahap tindak lanjut</h3>", message.Html);
        Assert.Contains(">10 Agustus 2026</td>", message.Html);
    }

    [Fact]
    public void MoreThanTenStuckCasesShowTheLongestTenAndSayHowManyMoreTheAttachmentHolds()
    {
        var employers = Enumerable.Range(1, 14)
            .Select(i => DigestSamples.Employer($"2000{i:0000}", $"CV Macet {i}", 1_000_000m * i, 2, FollowupStatus.Warning1, DigestSamples.ComplianceDate.AddDays(-30 - i)))
            .ToList();

        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance(DigestSamples.Compliance(employers: employers)));
        var lines = Lines(message.Text);

        var heading = lines.IndexOf("TERTAHAN LEBIH DARI 30 HARI DI SATU TAHAP TINDAK LANJUT");
        Assert.Equal("- CV Macet 14 (NPP 20000014): surat teguran 1 sejak 10 Oktober 2026, 44 hari.", lines[heading + 1]);
        Assert.Equal("- CV Macet 5 (NPP 20000005): surat teguran 1 sejak 19 Oktober 2026, 35 hari.", lines[heading + 10]);
        Assert.Equal("... dan 4 kasus lain di lampiran.", lines[heading + 11]);
        Assert.Equal("", lines[heading + 12]);
        Assert.Contains("... dan 4 kasus lain di lampiran.</p>", message.Html);
        Assert.DoesNotContain("CV Macet 4 ", message.Text);
        Assert.DoesNotContain(">CV Macet 4<", message.Html);
        Assert.Equal(14, Assert.Single(message.Tables, t => t.SheetName == "Kasus tertahan").Rows.Count);
    }

    [Fact]
    public void WithoutANewerSnapshotSinceLastWeekTheDigestSaysSoInsteadOfAZeroChange()
    {
        var sameSnapshot = new ComplianceTotals(DigestSamples.ComplianceDate, 12, 543_500_000m);

        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance(DigestSamples.Compliance(weekEarlier: sameSnapshot)));

        Assert.Contains("\nBelum ada data kepatuhan baru sejak pekan lalu; angka ini dari data 23 November 2026.\n", message.Text);
        Assert.DoesNotContain("Dibanding data", message.Text);
        Assert.DoesNotContain("tetap", message.Text);
        Assert.Contains("Belum ada data kepatuhan baru sejak pekan lalu", message.Html);
        var summary = message.Tables[0].Rows;
        Assert.Contains(summary, row => row[0].Display == "Perubahan badan usaha menunggak" && row[1].Value.IsEmpty);
        Assert.Contains(summary, row => row[0].Display == "Perubahan total tunggakan (Rp)" && row[1].Value.IsEmpty);
    }

    [Fact]
    public void WithoutASnapshotAWeekOldTheDigestSaysThereIsNothingToCompareWith()
    {
        var comparison = ComplianceComparison.Compare(DigestSamples.Employers(), DigestSamples.ComplianceDate, null, null);
        var firstSnapshot = ComplianceFigures.From(comparison, weekEarlier: null, history: []);

        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance(firstSnapshot));

        Assert.Contains("\n12 badan usaha menunggak iuran dengan total tunggakan Rp 544 juta menurut data 23 November 2026.\n"
            + "Belum ada data kepatuhan sepekan sebelumnya untuk dibandingkan.\n\n", message.Text);
        Assert.Null(firstSnapshot.InArrearsChange);
        Assert.Null(message.ComplianceChart); // one snapshot: nothing to chart
        Assert.DoesNotContain(DigestComposer.ComplianceChartContentId, message.Html);
        Assert.DoesNotContain("Total tunggakan menurut tanggal data", message.Text);
    }

    [Fact]
    public void TheChangeCanBeDownAndTheCountTheSame()
    {
        var weekEarlier = new ComplianceTotals(new DateOnly(2026, 11, 16), 12, 600_000_000m);

        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance(DigestSamples.Compliance(weekEarlier)));

        Assert.Contains("\nDibanding data 16 November 2026: jumlah badan usaha menunggak tetap (12), total tunggakan turun Rp 56,5 juta (sebelumnya Rp 600 juta).\n",
            message.Text);
    }

    [Fact]
    public void OneMoreEmployerReadsInTheSingularInEnglish()
    {
        var weekEarlier = new ComplianceTotals(new DateOnly(2026, 11, 16), 11, 543_500_000m);

        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(Language.En),
            DigestSamples.SumbaBaratDayaWithCompliance(DigestSamples.Compliance(weekEarlier)), DigestSamples.LastWeek(), DigestSamples.Week);

        Assert.Contains("\nAgainst the data of 16 Nov 2026: 1 more employer in arrears (11 then), total owed unchanged.\n", message.Text);
    }

    [Fact]
    public void ARegionWithoutSnapshotsHasNoComplianceSectionAtAll()
    {
        var message = Compose(DigestSamples.SumbaBaratDaya());

        Assert.DoesNotContain("KEPATUHAN", message.Text);
        Assert.DoesNotContain("tunggakan", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kepatuhan", message.Html);
        Assert.DoesNotContain("tunggakan", message.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DigestComposer.ComplianceChartContentId, message.Html);
        Assert.Null(message.ComplianceChart);
        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran"], message.Tables.Select(t => t.SheetName));
        Assert.DoesNotContain(message.Tables[0].Rows, row => row[0].Display.Contains("menunggak", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEnglishReaderGetsTheComplianceSectionInEnglish()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(Language.En), DigestSamples.SumbaBaratDayaWithCompliance(), DigestSamples.LastWeek(),
            DigestSamples.Week);
        var lines = Lines(message.Text);

        var heading = lines.IndexOf("EMPLOYER COMPLIANCE");
        Assert.True(heading > 0, message.Text);
        Assert.Equal("12 employers are in arrears, owing IDR 544 million in total, according to the data of 23 Nov 2026.", lines[heading + 1]);
        Assert.Equal("Against the data of 16 Nov 2026: 2 more employers in arrears (10 then), total owed up IDR 43.5 million (IDR 500 million then).",
            lines[heading + 2]);
        Assert.Contains("- PT Samudra Bahari Sumba (NPP 10000001): IDR 150 million, 14 months, handed to the prosecutor.", lines);
        Assert.Contains("STUCK IN ONE FOLLOW-UP STEP FOR OVER 30 DAYS", lines);
        Assert.Contains("- CV Bintang Timur (NPP 10000005): first warning letter since 20 Oct 2026, 34 days.", lines);
        Assert.Contains("<h2 style=\"margin:20px 0 6px;font-size:16px;\">Employer compliance</h2>", message.Html);
        Assert.Equal(["Summary", "Segments", "Occupations", "Lapsing soon", "Uploads", "Budget", "Largest arrears", "Stuck cases", "Arrears history"],
            message.Tables.Select(t => t.SheetName));
        Assert.Equal(["31 Aug", "30 Sep", "31 Oct", "16 Nov", "23 Nov"], message.ComplianceChart!.Labels);
        Assert.Equal("arrears-chart.png", message.ComplianceChart.FileName);
    }

    [Fact]
    public async Task TheAttachmentGetsTheLargestArrearsTheStuckCasesAndTheHistoryWithAmountsAsNumbers()
    {
        var message = Compose(DigestSamples.SumbaBaratDayaWithCompliance());

        var sheets = ReadBack.XlsxSheets(await DigestWorkbook.ToBytesAsync(message.Tables));

        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran", "Tunggakan terbesar", "Kasus tertahan", "Riwayat tunggakan"],
            sheets.Keys);
        Assert.Equal(["PT Samudra Bahari Sumba", "10000001", 150_000_000d, 14d, "diserahkan ke kejaksaan"], sheets["Tunggakan terbesar"][1]);
        Assert.Equal(11, sheets["Tunggakan terbesar"].Count);
        Assert.Equal(["CV Bintang Timur", "10000005", "surat teguran 1", new DateTime(2026, 10, 20), 34d, 45_000_000d], sheets["Kasus tertahan"][3]);
        Assert.Equal([new DateTime(2026, 11, 23), 12d, 543_500_000d], sheets["Riwayat tunggakan"][^1]);
        Assert.Equal(6, sheets["Riwayat tunggakan"].Count);
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Badan usaha menunggak") && Equals(row[1], 12d));
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Total tunggakan (Rp)") && Equals(row[1], 543_500_000d));
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Perubahan total tunggakan (Rp)") && Equals(row[1], 43_500_000d));
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Kasus tertahan lebih dari 30 hari") && Equals(row[1], 3d));
    }

    [Fact]
    public void TheFiguresKeepTheLastTwelveSnapshotsEndingWithTheCurrentOneAndTenLargest()
    {
        var comparison = ComplianceComparison.Compare(DigestSamples.Employers(), DigestSamples.ComplianceDate, null, null);
        var history = Enumerable.Range(1, 20).Select(week => new ComplianceTotals(DigestSamples.ComplianceDate.AddDays(-7 * week), 5, week * 1_000_000m)).ToList();

        var figures = ComplianceFigures.From(comparison, history[0], [.. history, new ComplianceTotals(DigestSamples.ComplianceDate, 99, 1m)]);

        Assert.Equal(12, figures.History.Count);
        Assert.Equal(DigestSamples.ComplianceDate.AddDays(-77), figures.History[0].SnapshotDate);
        Assert.Equal(new ComplianceTotals(DigestSamples.ComplianceDate, 12, 543_500_000m), figures.History[^1]);
        Assert.Equal(10, figures.Largest.Count);
        Assert.Equal(["10000001", "10000002", "10000003"], figures.Largest.Take(3).Select(arrear => arrear.Npp));
        Assert.True(figures.HasNewerData);
        Assert.Equal(7, figures.InArrearsChange);
        Assert.Equal(542_500_000m, figures.OwedChange);
    }

    private static DigestMessage Compose(DigestFigures figures) =>
        DigestComposer.Compose(DigestSamples.Kadisnaker(), figures, DigestSamples.LastWeek(), DigestSamples.Week);

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(line => line.TrimEnd('\r'))];
}
