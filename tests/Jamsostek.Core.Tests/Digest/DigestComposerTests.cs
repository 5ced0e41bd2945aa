using System.Text.RegularExpressions;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Tests.Digest;

public sealed partial class DigestComposerTests
{
    [Fact]
    public void TheLapseLineReadsAsTheIssueWantsIt()
    {
        var lapse = new LapseFigure(new DateOnly(2025, 12, 31), 38, 5600);

        Assert.Equal("5.600 pekerja kehilangan perlindungan pada 31 Desember 2025, 38 hari lagi", DigestComposer.LapseSentence(lapse, Language.Id));
        Assert.Equal("5,600 workers lose cover on 31 Dec 2025, in 38 days", DigestComposer.LapseSentence(lapse, Language.En));
        Assert.Equal("besok", DigestComposer.DaysLeft(1, Language.Id));
        Assert.Equal("hari ini", DigestComposer.DaysLeft(0, Language.Id));
    }

    [Fact]
    public void TheTextSaysCoverageTargetChangeAndLapseFirstInIndonesianNumbers()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(), DigestSamples.SumbaBaratDaya(), DigestSamples.LastWeek(), DigestSamples.Week);
        var lines = message.Text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        Assert.Equal("Ringkasan mingguan kepesertaan: Kabupaten Sumba Barat Daya, 25 November 2026", message.Subject);
        Assert.Equal("Yth. Yohanes Bili Kaka, Kepala Dinas Tenaga Kerja,", lines[0]);
        var headline = lines.IndexOf("235 pekerja terlindungi hari ini, 4,2% dari target 5.600.");
        Assert.True(headline > 0, message.Text);
        Assert.Equal("Bertambah 35 pekerja sejak ringkasan 18 November 2026 (200).", lines[headline + 1]);
        var lapse = lines.IndexOf("- 235 pekerja kehilangan perlindungan pada 31 Desember 2026, 36 hari lagi (PKS/112/BPJSTK-TBK/IX/2026).");
        Assert.True(lapse > headline, message.Text);
        Assert.Contains("- Pekerja rentan: 235 dari target 5.600 (4,2%), +35", lines);
        Assert.Contains("- Petani: 90", lines);
        Assert.Contains("- 2 pekerjaan lain: 7", lines); // ten occupations: eight by name, then the rest
        Assert.Contains("UNGGAHAN SEJAK 18 NOVEMBER 2026", lines);
        Assert.Contains("- peserta-sumba-barat-daya-okt-des-2026.csv: selesai, ada baris ditolak; 240 baris, 235 diterima, 5 ditolak. "
            + "Alasan utama: NIK tersimpan sebagai angka (1), NIK tidak 16 angka (1), tanggal tidak sah (1).", lines);
        Assert.Contains("- PKS/112/BPJSTK-TBK/IX/2026: anggaran Rp 282 juta; iuran peserta terdaftar Rp 11,8 juta (4,2% anggaran); "
            + "kebutuhan untuk target Rp 282 juta (100,0%).", lines);
        Assert.Contains("Tabel lengkap ada di lampiran ringkasan-cakupan-5318-2026-W48.xlsx.", lines);
        Assert.Contains("07.00 WITA", message.Text);
    }

    [Fact]
    public void AFirstDigestSaysSoInsteadOfAChange()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(), DigestSamples.SumbaBaratDaya(), previous: null, DigestSamples.Week);

        Assert.Contains("Ini ringkasan pertama untuk Anda", message.Text);
        Assert.Contains("- Pekerja rentan: 235 dari target 5.600 (4,2%)\n", message.Text.Replace("\r", ""));
    }

    [Fact]
    public void AnEnglishReaderGetsEnglishWordsAndNumbers()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(Language.En), DigestSamples.SumbaBaratDaya(), DigestSamples.LastWeek(), DigestSamples.Week);

        Assert.Equal("Weekly coverage digest: Kabupaten Sumba Barat Daya, 25 Nov 2026", message.Subject);
        Assert.Contains("235 workers covered today, 4.2% of the target of 5,600.", message.Text);
        Assert.Contains("235 workers lose cover on 31 Dec 2026, in 36 days (PKS/112/BPJSTK-TBK/IX/2026).", message.Text);
        Assert.Contains("budget IDR 282 million; enrolled workers' contributions IDR 11.8 million (4.2% of the budget)", message.Text);
        Assert.Equal("coverage-digest-5318-2026-W48.xlsx", message.WorkbookFileName);
        Assert.Equal(["Summary", "Segments", "Occupations", "Lapsing soon", "Uploads", "Budget"], message.Tables.Select(t => t.SheetName));
    }

    [Fact]
    public void TheHtmlShowsTheChartByContentIdAndLoadsNothingFromOutside()
    {
        var message = DigestComposer.Compose(DigestSamples.Kadisnaker(), DigestSamples.SumbaBaratDaya(), DigestSamples.LastWeek(), DigestSamples.Week);

        Assert.Contains($"src=\"cid:{message.ChartContentId}\"", message.Html);
        Assert.DoesNotMatch(ExternalReference(), message.Html);
        Assert.DoesNotContain("<link", message.Html);
        Assert.DoesNotContain("<script", message.Html);
        Assert.Contains("name=\"viewport\"", message.Html);
        Assert.Contains("235 pekerja kehilangan perlindungan pada 31 Desember 2026, 36 hari lagi", message.Html);
        Assert.Contains("<td style=\"padding:4px 6px;border-bottom:1px solid #e3e8ee;text-align:right;white-space:nowrap;\">5.600</td>", message.Html);
    }

    [Fact]
    public void NamesAreEncodedInTheHtml()
    {
        var recipient = DigestSamples.Kadisnaker() with { Name = "<b>Drs. A & B</b>" };

        var message = DigestComposer.Compose(recipient, DigestSamples.SumbaBaratDaya(), null, DigestSamples.Week);

        Assert.Contains("Yth. &lt;b&gt;Drs. A &amp; B&lt;/b&gt;", message.Html);
        Assert.DoesNotContain("<b>Drs.", message.Html);
    }

    [Fact]
    public void ARegionWithoutWorkersOrAgreementsStillGetsAReadableDigest()
    {
        var empty = new DigestFigures { Region = "8105", AsOf = new DateOnly(2026, 11, 30), Active = 0, UploadsSince = DateTimeOffset.UnixEpoch };

        var message = DigestComposer.Compose(DigestSamples.Kadisnaker() with { Region = "8105" }, empty, null, DigestSamples.Week);

        Assert.Contains("0 pekerja terlindungi hari ini.", message.Text);
        Assert.Contains("Tidak ada perlindungan yang berakhir dalam 60 hari.", message.Text);
        Assert.Contains("Tidak ada unggahan baru.", message.Text);
        Assert.Contains("07.00 WIT", message.Text);
        Assert.Equal("Ringkasan mingguan kepesertaan: Wilayah 8105, 30 November 2026", message.Subject);
        Assert.Equal([0], message.Chart.Active);
    }

    [GeneratedRegex("(src|href)=\"(?!cid:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
