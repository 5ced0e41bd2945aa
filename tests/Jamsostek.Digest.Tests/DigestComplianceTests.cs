using System.Buffers.Binary;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Digest.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;

namespace Jamsostek.Digest.Tests;

/// <summary>
/// The digest's employer compliance section (issue 17) end to end: kepatuhan sheets uploaded, validated and filed as
/// snapshots, then read back by the digest into the email MailDev receives. Its regions are ones the other digest
/// tests leave alone: Sumba Timur (5311) and Ende (5308), both WITA; Seram Bagian Timur (8105, the shared data) has
/// no snapshots.
/// </summary>
[Collection(DigestCollection.Name)]
public sealed class DigestComplianceTests(DigestSystem system) : IAsyncLifetime
{
    private const string SumbaTimurHead = "kadisnaker.sumbatimur@example.go.id";
    private const string SumbaTimurAdvisor = "advisor.sumbatimur@example.go.id";
    private const string MalukuHead = "kadisnaker.sbt.compliance@example.go.id";
    private const string EndeHead = "bupati.ende@example.go.id";

    public Task InitializeAsync() => system.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ARegionWithSnapshotsGetsArrearsAgainstTheWeekEarlierSnapshotTheLargestAndTheStuckCasesInBothBodiesAndTheWorkbook()
    {
        // Sumba Timur: three snapshots. The one of 12 days ago is the latest a week old, so the digest compares with it,
        // not with the one of 4 days ago that the latest follows.
        var today = RegionTimeZone.Today(RegionCode.Parse("5311"), DateTimeOffset.UtcNow);
        var twelveDaysAgo = today.AddDays(-12);
        var fourDaysAgo = today.AddDays(-4);
        var latest = today.AddDays(-2);
        await UploadSnapshotsAsync("5311",
            ("kepatuhan-a.xlsx", twelveDaysAgo,
            [
                ComplianceSheet.Row("53.110.001", "PT Sumba Timur Bahari", arrearsMonths: 12, arrearsIdr: "Rp 150.000.000", followupStatus: "Diserahkan ke Kejaksaan",
                    followupOn: latest.AddDays(-40), no: 1),
                ComplianceSheet.Row("53110002", "CV Kambera Jaya", arrearsMonths: 7, arrearsIdr: 80_000_000, followupStatus: "Surat Teguran 1",
                    followupOn: twelveDaysAgo.AddDays(-3), no: 2),
                ComplianceSheet.Row("53110003", "CV Prailiu Mandiri", arrearsMonths: 3, arrearsIdr: 20_000_000, followupStatus: "Belum Ditindaklanjuti", no: 3),
            ]),
            ("kepatuhan-b.xlsx", fourDaysAgo,
            [
                ComplianceSheet.Row("53110001", "PT Sumba Timur Bahari", arrearsMonths: 13, arrearsIdr: 170_000_000, followupStatus: "Diserahkan ke Kejaksaan",
                    followupOn: latest.AddDays(-40), no: 1),
                ComplianceSheet.Row("53110002", "CV Kambera Jaya", arrearsMonths: 8, arrearsIdr: 90_000_000, followupStatus: "Surat Teguran 2",
                    followupOn: fourDaysAgo.AddDays(-4), no: 2),
                ComplianceSheet.Row("53110003", "CV Prailiu Mandiri", arrearsMonths: 5, arrearsIdr: 40_000_000, followupStatus: "Surat Teguran 1",
                    followupOn: fourDaysAgo.AddDays(-1), no: 3),
                ComplianceSheet.Row("53110004", "CV Melolo Sentosa", arrearsMonths: 3, arrearsIdr: 20_000_000, followupStatus: "Belum Ditindaklanjuti", no: 4),
            ]),
            ("kepatuhan-c.xlsx", latest,
            [
                ComplianceSheet.Row("53110001", "PT Sumba Timur Bahari", arrearsMonths: 14, arrearsIdr: "Rp 182.400.000", followupStatus: "Diserahkan ke Kejaksaan",
                    followupOn: latest.AddDays(-40), no: 1),
                ComplianceSheet.Row("53110002", "CV Kambera Jaya", arrearsMonths: 9, arrearsIdr: 97_200_000, followupStatus: "Surat Teguran 2",
                    followupOn: latest.AddDays(-10), no: 2),
                ComplianceSheet.Row("53110003", "CV Prailiu Mandiri", arrearsMonths: 6, arrearsIdr: 45_000_000, followupStatus: "Surat Teguran 1",
                    followupOn: latest.AddDays(-5), no: 3),
                ComplianceSheet.Row("53110004", "CV Melolo Sentosa", arrearsMonths: 4, arrearsIdr: 28_800_000, followupStatus: "Belum Ditindaklanjuti",
                    followupOn: latest.AddDays(-20), no: 4),
                ComplianceSheet.Row("53110005", "CV Lewa Makmur", arrearsMonths: 2, arrearsIdr: 9_600_000, followupStatus: "Cicilan",
                    followupOn: latest.AddDays(-60), no: 5),
                ComplianceSheet.Row("53110006", "PT Haharu Lestari", arrearsMonths: 0, arrearsIdr: 0, no: 6),
            ]));
        await system.AddRecipientAsync("5311-kadisnaker", "5311", "Umbu Lapu Ndima", "Kepala Dinas Tenaga Kerja", SumbaTimurHead);
        await system.AddRecipientAsync("5311-advisor", "5311", "Sarah Whitfield", "Social protection advisor", SumbaTimurAdvisor, "en");
        await system.AddRecipientAsync("8105-compliance", "8105", "Nurlela Rumalutur", "Kepala Dinas Tenaga Kerja", MalukuHead);

        var outcome = await system.RunDigestAsync();
        var emails = await system.Mail.WaitForAsync(3);

        Assert.Contains("3 recipients: 3 sent, 0 failed", outcome);
        var email = Emails.For(emails, SumbaTimurHead);
        var text = Emails.Text(email);
        var html = Emails.Html(email);
        var latestText = UserFormat.Date(latest, Language.Id);
        var expected = new[]
        {
            "\nKEPATUHAN BADAN USAHA\n",
            $"\n5 badan usaha menunggak iuran dengan total tunggakan Rp 363 juta menurut data {latestText}.\n",
            $"\nDibanding data {UserFormat.Date(twelveDaysAgo, Language.Id)}: bertambah 2 badan usaha menunggak (sebelumnya 3), "
                + "total tunggakan naik Rp 113 juta (sebelumnya Rp 250 juta).\n",
            $"\nTotal tunggakan menurut tanggal data: {UserFormat.Date(twelveDaysAgo, Language.Id)} Rp 250 juta; "
                + $"{UserFormat.Date(fourDaysAgo, Language.Id)} Rp 320 juta; {latestText} Rp 363 juta.\n",
            "\nTUNGGAKAN TERBESAR\n- PT Sumba Timur Bahari (NPP 53110001): Rp 182 juta, 14 bulan, diserahkan ke kejaksaan.\n"
                + "- CV Kambera Jaya (NPP 53110002): Rp 97,2 juta, 9 bulan, surat teguran 2.\n",
            "\n- CV Lewa Makmur (NPP 53110005): Rp 9,6 juta, 2 bulan, cicilan.\n\n",
            "\nTERTAHAN LEBIH DARI 30 HARI DI SATU TAHAP TINDAK LANJUT\n"
                + $"- PT Sumba Timur Bahari (NPP 53110001): diserahkan ke kejaksaan sejak {UserFormat.Date(latest.AddDays(-40), Language.Id)}, 40 hari.\n\n",
        };
        foreach (var part in expected)
        {
            Assert.Contains(part, text);
        }
        Assert.DoesNotContain("PT Haharu Lestari", text); // paid up
        Assert.DoesNotContain("CV Lewa Makmur (NPP 53110005): cicilan sejak", text); // instalments are not stuck

        // The HTML body says the same, with the chart of the total owed beside the coverage chart.
        Assert.Contains(">Kepatuhan badan usaha</h2>", html);
        Assert.Contains($">5 badan usaha menunggak iuran dengan total tunggakan Rp 363 juta menurut data {latestText}.</div>", html);
        Assert.Contains("bertambah 2 badan usaha menunggak (sebelumnya 3), total tunggakan naik Rp 113 juta (sebelumnya Rp 250 juta).</div>", html);
        Assert.Contains(">PT Sumba Timur Bahari</td>", html);
        Assert.Contains(">Rp 182 juta</td>", html);
        Assert.Contains($">{UserFormat.Date(latest.AddDays(-40), Language.Id)}</td>", html);
        Assert.True(html.IndexOf("PT Sumba Timur Bahari", StringComparison.Ordinal) < html.IndexOf("CV Kambera Jaya", StringComparison.Ordinal));
        var sent = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await system.Mail.SourceAsync(email))));
        Assert.Contains("src=\"cid:grafik-tunggakan@jamsostek\"", sent.HtmlBody);
        var related = Assert.IsType<MimeKit.MultipartRelated>(Assert.IsType<MimeKit.MultipartAlternative>(Assert.IsType<MimeKit.Multipart>(sent.Body)[0])[1]);
        Assert.Equal(["grafik-cakupan@jamsostek", "grafik-tunggakan@jamsostek"], related.Skip(1).Select(part => part.ContentId));
        var chart = Assert.Single(Emails.Attachments(email), a => ((string?)a["contentId"])?.Trim('<', '>') == "grafik-tunggakan@jamsostek");
        Assert.Equal("inline", (string?)chart["contentDisposition"]);
        var png = await system.Mail.AttachmentAsync(email, chart);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1136, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));

        // The workbook: the largest arrears, the stuck cases and the chart's figures, amounts as numbers.
        var attachment = Assert.Single(Emails.Attachments(email), a => (string?)a["contentType"] == Emails.XlsxContentType);
        var sheets = ReadBack.XlsxSheets(await system.Mail.AttachmentAsync(email, attachment));
        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran", "Tunggakan terbesar", "Kasus tertahan", "Riwayat tunggakan"],
            sheets.Keys);
        Assert.Equal(["PT Sumba Timur Bahari", "53110001", 182_400_000d, 14d, "diserahkan ke kejaksaan"], sheets["Tunggakan terbesar"][1]);
        Assert.Equal(6, sheets["Tunggakan terbesar"].Count);
        Assert.Equal(["PT Sumba Timur Bahari", "53110001", "diserahkan ke kejaksaan", latest.AddDays(-40).ToDateTime(TimeOnly.MinValue), 40d, 182_400_000d],
            Assert.Single(sheets["Kasus tertahan"].Skip(1)));
        Assert.Equal([250_000_000d, 320_000_000d, 363_000_000d], sheets["Riwayat tunggakan"].Skip(1).Select(row => row[2]));
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Badan usaha menunggak") && Equals(row[1], 5d));
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Total tunggakan (Rp)") && Equals(row[1], 363_000_000d));

        // The same section in English for the advisor.
        var english = Emails.Text(Emails.For(emails, SumbaTimurAdvisor));
        Assert.Contains($"\nEMPLOYER COMPLIANCE\n5 employers are in arrears, owing IDR 363 million in total, according to the data of {UserFormat.Date(latest, Language.En)}.\n",
            english);
        Assert.Contains("\n- PT Sumba Timur Bahari (NPP 53110001): IDR 182 million, 14 months, handed to the prosecutor.\n", english);

        // Seram Bagian Timur has no snapshots: no compliance section, no heading, no second chart, no compliance sheets.
        var maluku = Emails.For(emails, MalukuHead);
        Assert.DoesNotContain("KEPATUHAN", Emails.Text(maluku));
        Assert.DoesNotContain("tunggakan", Emails.Text(maluku), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Kepatuhan", Emails.Html(maluku));
        Assert.DoesNotContain("tunggakan", Emails.Html(maluku), StringComparison.OrdinalIgnoreCase);
        Assert.Single(Emails.Attachments(maluku), a => (string?)a["contentType"] == "image/png");
        var malukuSheets = ReadBack.XlsxSheets(await system.Mail.AttachmentAsync(maluku,
            Assert.Single(Emails.Attachments(maluku), a => (string?)a["contentType"] == Emails.XlsxContentType)));
        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran"], malukuSheets.Keys);
    }

    [Fact]
    public async Task WithoutASnapshotNewerThanLastWeeksTheSectionSaysSoInsteadOfAZeroChange()
    {
        // Ende: one snapshot, nine days old, so the latest a week old is that same one.
        var today = RegionTimeZone.Today(RegionCode.Parse("5308"), DateTimeOffset.UtcNow);
        var nineDaysAgo = today.AddDays(-9);
        await UploadSnapshotsAsync("5308", ("kepatuhan-ende.xlsx", nineDaysAgo,
        [
            ComplianceSheet.Row("53080001", "CV Flores Jaya", arrearsMonths: 5, arrearsIdr: 12_500_000, followupStatus: "Surat Teguran 1",
                followupOn: nineDaysAgo.AddDays(-31), no: 1),
            ComplianceSheet.Row("53080002", "PT Ende Lio Makmur", arrearsMonths: 2, arrearsIdr: 7_500_000, followupStatus: "Belum Ditindaklanjuti",
                followupOn: nineDaysAgo.AddDays(-3), no: 2),
        ]));
        await system.AddRecipientAsync("5308-bupati", "5308", "Yosef Benediktus Badeoda", "Bupati Ende", EndeHead);

        await system.RunDigestAsync();
        var email = Assert.Single(await system.Mail.WaitForAsync(1));
        var text = Emails.Text(email);

        var dataDate = UserFormat.Date(nineDaysAgo, Language.Id);
        Assert.Contains($"\nKEPATUHAN BADAN USAHA\n2 badan usaha menunggak iuran dengan total tunggakan Rp 20 juta menurut data {dataDate}.\n"
            + $"Belum ada data kepatuhan baru sejak pekan lalu; angka ini dari data {dataDate}.\n\n", text);
        Assert.DoesNotContain("Dibanding data", text);
        Assert.Contains($"\n- CV Flores Jaya (NPP 53080001): surat teguran 1 sejak {UserFormat.Date(nineDaysAgo.AddDays(-31), Language.Id)}, 31 hari.\n", text);
        Assert.Contains("Belum ada data kepatuhan baru sejak pekan lalu", Emails.Html(email));
        // One snapshot: no chart of it (the coverage chart only).
        Assert.Single(Emails.Attachments(email), a => (string?)a["contentType"] == "image/png");
    }

    /// <summary>Uploads each sheet (dated by its "Tanggal Data" line) and waits until every row of each is accepted.</summary>
    private async Task UploadSnapshotsAsync(string region, params (string FileName, DateOnly DataDate, object?[][] Rows)[] sheets)
    {
        foreach (var (fileName, dataDate, rows) in sheets)
        {
            await system.UploadAsync(region, fileName, SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(region, rows, dataDate)));
        }
        foreach (var (fileName, dataDate, rows) in sheets)
        {
            var upload = await system.UploadsApi.WaitForFinalAsync(region, fileName);
            Assert.Equal("compliance", upload.Kind);
            Assert.Equal(rows.Length, upload.Rows.Accepted);
            Assert.Equal(dataDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), upload.SnapshotDate);
        }
    }
}
