using System.Buffers.Binary;
using Jamsostek.Core.Digest;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Core.Text;
using Jamsostek.Digest.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;

namespace Jamsostek.Digest.Tests;

/// <summary>What a recipient finds in MailDev after the digest ran: their region's numbers, in their language, with chart, text and workbook.</summary>
[Collection(DigestCollection.Name)]
public sealed class DigestDeliveryTests(DigestSystem system) : IAsyncLifetime
{
    private const string Kadisnaker = "kadisnaker.sbd@example.go.id";
    private const string Advisor = "advisor.sbd@example.go.id";
    private const string Bupati = "bupati.sbt@example.go.id";

    public Task InitializeAsync() => system.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EachRecipientGetsOneDigestWithTheirRegionsNumbersTheLapseLineAChartATextAndAWorkbook()
    {
        var sbd = system.Data.SumbaBaratDaya;
        var sbt = system.Data.SeramBagianTimur;
        await system.AddRecipientAsync("5318-kadisnaker", "5318", "Yohanes Bili Kaka", "Kepala Dinas Tenaga Kerja", Kadisnaker);
        await system.AddRecipientAsync("5318-advisor", "5318", "Sarah Whitfield", "Social protection advisor", Advisor, "en");
        await system.AddRecipientAsync("8105-bupati", "8105", "Abdul Rahman Wattimena", "Bupati Seram Bagian Timur", Bupati);

        var outcome = await system.RunDigestAsync();
        var emails = await system.Mail.WaitForAsync(3);

        Assert.Contains("3 recipients: 3 sent, 0 failed", outcome);
        Assert.Equal([Advisor, Bupati, Kadisnaker], emails.Select(Emails.To).Order(StringComparer.Ordinal));

        // Sumba Barat Daya, in Bahasa Indonesia.
        var email = Emails.For(emails, Kadisnaker);
        var text = Emails.Text(email);
        var end = UserFormat.Date(sbd.End, Language.Id);
        Assert.Equal($"Ringkasan mingguan kepesertaan: Kabupaten Sumba Barat Daya, {UserFormat.Date(sbd.Today, Language.Id)}", (string?)email["subject"]);
        Assert.StartsWith("Yth. Yohanes Bili Kaka, Kepala Dinas Tenaga Kerja,", text);
        Assert.Contains("\n120 pekerja terlindungi hari ini, 2,1% dari target 5.600.\n", text);
        Assert.Contains("Ini ringkasan pertama untuk Anda", text);
        Assert.Contains($"\n- 120 pekerja kehilangan perlindungan pada {end}, 36 hari lagi ({sbd.AgreementNo}).\n", text);
        foreach (var (segment, count) in sbd.Segments)
        {
            Assert.Contains($"\n- {DigestLabels.Segment(segment, Language.Id)}: {UserFormat.Number(count, Language.Id)}", text);
        }
        Assert.Contains("\n- peserta-digest.xlsx: selesai, ada baris ditolak; 123 baris, 120 diterima, 3 ditolak. Alasan utama: ", text);
        Assert.Contains("NIK tidak 16 angka (1)", text);
        Assert.Contains("tanggal tidak sah (1)", text);
        Assert.Contains("pekerjaan tidak dikenali (1)", text);
        Assert.Contains("\n- perjanjian-digest.xlsx: selesai; 1 baris, 1 diterima, 0 ditolak.\n", text);
        Assert.Contains($"\n- {sbd.AgreementNo}: anggaran Rp 282 juta; iuran peserta terdaftar {UserFormat.CompactRupiah(sbd.EnrolledCost, Language.Id)} "
            + $"({UserFormat.Number(Math.Round(100m * sbd.EnrolledCost / 282_240_000m, 1), Language.Id, 1)}% anggaran)", text);
        Assert.Contains("07.00 WITA", text);
        Assert.Contains("ringkasan-cakupan-5318-", text);

        var week = DigestWeek.For(RegionCode.Parse("5318"), DateTimeOffset.UtcNow);
        Assert.Equal($"<digest.{week}.5318-kadisnaker@jamsostek.example.go.id>", Emails.Header(email, "message-id"));
        Assert.Equal($"{week}/5318-kadisnaker", Emails.Header(email, DigestHeaderName));

        // The HTML body says the same, shows the chart from the inline attachment, and loads nothing from outside.
        var html = Emails.Html(email);
        Assert.Contains($"120 pekerja kehilangan perlindungan pada {end}, 36 hari lagi", html);
        Assert.Contains("2,1% dari target 5.600", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        // MailDev shows the image inlined as a data: URI; the message itself refers to it by Content-ID.
        var sent = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await system.Mail.SourceAsync(email))));
        Assert.Contains("src=\"cid:grafik-cakupan@jamsostek\"", sent.HtmlBody);
        Assert.Equal(text.TrimEnd(), sent.TextBody?.Replace("\r", "").TrimEnd());
        var mixed = Assert.IsType<MimeKit.Multipart>(sent.Body);
        var alternative = Assert.IsType<MimeKit.MultipartAlternative>(mixed[0]);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        var related = Assert.IsType<MimeKit.MultipartRelated>(alternative[1]);
        Assert.Equal("text/html", related[0].ContentType.MimeType);
        Assert.Equal("grafik-cakupan@jamsostek", related[1].ContentId);
        var chart = Assert.Single(Emails.Attachments(email), a => (string?)a["contentType"] == "image/png");
        Assert.Equal("inline", (string?)chart["contentDisposition"]);
        Assert.Equal("grafik-cakupan@jamsostek", ((string?)chart["contentId"])?.Trim('<', '>'));
        var png = await system.Mail.AttachmentAsync(email, chart);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1136, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));

        // The workbook holds the same tables, one a sheet, numbers as numbers.
        var attachment = Assert.Single(Emails.Attachments(email), a => (string?)a["contentType"] == Emails.XlsxContentType);
        Assert.Equal($"ringkasan-cakupan-5318-{week}.xlsx", (string?)attachment["filename"]);
        var sheets = ReadBack.XlsxSheets(await system.Mail.AttachmentAsync(email, attachment));
        Assert.Equal(["Ringkasan", "Segmen", "Pekerjaan", "Segera berakhir", "Unggahan", "Anggaran"], sheets.Keys);
        Assert.Equal(120d, sheets["Segmen"].Skip(1).Sum(row => (double)row[1]!));
        Assert.Equal(120d, sheets["Pekerjaan"].Skip(1).Sum(row => (double)row[1]!));
        Assert.Equal([sbd.AgreementNo, sbd.End.ToDateTime(TimeOnly.MinValue), 36d, 120d], sheets["Segera berakhir"][1]);
        Assert.Contains(sheets["Unggahan"], row => Equals(row[0], "peserta-digest.xlsx") && Equals(row[3], 123d) && Equals(row[4], 120d) && Equals(row[5], 3d));
        Assert.Equal(282_240_000d, sheets["Anggaran"][1][1]);
        Assert.Contains(sheets["Ringkasan"], row => Equals(row[0], "Pekerja terlindungi") && Equals(row[1], 120d));

        // The same region in English, for the reader who asked for it.
        var english = Emails.Text(Emails.For(emails, Advisor));
        Assert.Contains("\n120 workers covered today, 2.1% of the target of 5,600.\n", english);
        Assert.Contains($"120 workers lose cover on {UserFormat.Date(sbd.End, Language.En)}, in 36 days ({sbd.AgreementNo}).", english);
        Assert.Single(Emails.Attachments(Emails.For(emails, Advisor)), a => (string?)a["filename"] == $"coverage-digest-5318-{week}.xlsx");

        // Seram Bagian Timur (WIT): its own numbers, nothing lapsing, no budget given.
        var maluku = Emails.Text(Emails.For(emails, Bupati));
        Assert.Contains("\n80 pekerja terlindungi hari ini, 40,0% dari target 200.\n", maluku);
        Assert.Contains("Tidak ada perlindungan yang berakhir dalam 60 hari.", maluku);
        Assert.Contains("07.00 WIT;", maluku);
        Assert.DoesNotContain("ANGGARAN", maluku);
        Assert.Equal(80, sbt.Workers);

        // The operator's ledger: each sent on the first attempt.
        var ledger = await system.LedgerAsync();
        Assert.Equal(3, ledger.Count);
        Assert.All(ledger, entry =>
        {
            Assert.Equal("sent", (string?)entry["status"]);
            Assert.Equal(1, (int)entry["attempts"]!);
        });

        // Logs name recipients by id: no address, no name.
        Assert.DoesNotContain(system.HostLogs.Lines, line => line.Contains("example.go.id", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Yohanes", StringComparison.Ordinal) || line.Contains("Whitfield", StringComparison.Ordinal));
        Assert.Contains(system.HostLogs.Lines, line => line.Contains("sent to recipient 5318-kadisnaker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNextWeeksDigestSaysWhatChangedSinceThePreviousOneAndListsOnlyNewerUploads()
    {
        // Last week's digest, as the ledger keeps it: 100 workers then (70 of them vulnerable), sent after today's uploads.
        await system.AddRecipientAsync("5318-change", "5318", "Rambu Change", "Kepala Dinas", "change.sbd@example.go.id");
        var thisWeek = DigestWeek.For(RegionCode.Parse("5318"), DateTimeOffset.UtcNow);
        var lastWeek = thisWeek.Previous.ToString();
        var lastAsOf = system.Data.SumbaBaratDaya.Today.AddDays(-7);
        await system.Table("digestledger").CreateIfNotExistsAsync();
        await system.Table("digestledger").AddEntityAsync(new Azure.Data.Tables.TableEntity(lastWeek, "5318-change")
        {
            ["Region"] = "5318",
            ["Status"] = "sent",
            ["Attempts"] = 1,
            ["ClaimedAt"] = DateTimeOffset.UtcNow,
            ["SentAt"] = DateTimeOffset.UtcNow,
            ["Snapshot"] = "{\"week\":\"" + lastWeek + "\",\"asOf\":\"" + lastAsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                + "\",\"active\":100,\"target\":5600,\"segments\":{\"pekerja_rentan\":70}}",
        });
        await system.Table("digestrecipients").UpdateEntityAsync(new Azure.Data.Tables.TableEntity("recipient", "5318-change") { ["LastSentWeek"] = lastWeek },
            Azure.ETag.All, Azure.Data.Tables.TableUpdateMode.Merge);

        await system.RunDigestAsync();
        var text = Emails.Text(Assert.Single(await system.Mail.WaitForAsync(1)));

        Assert.Contains($"\nBertambah 20 pekerja sejak ringkasan {UserFormat.Date(lastAsOf, Language.Id)} (100).\n", text);
        var vulnerable = system.Data.SumbaBaratDaya.Segments["pekerja_rentan"];
        Assert.Contains($"\n- Pekerja rentan: {vulnerable} dari target 5.600 ", text);
        Assert.Contains($", {DigestComposer.Signed(vulnerable - 70, Language.Id)}\n", text);
        Assert.Contains("\nTidak ada unggahan baru.\n", text); // the uploads came before last week's digest
        var recipient = await system.Table("digestrecipients").GetEntityAsync<Azure.Data.Tables.TableEntity>("recipient", "5318-change");
        Assert.Equal(thisWeek.ToString(), recipient.Value.GetString("LastSentWeek"));
    }

    private const string DigestHeaderName = "X-Jamsostek-Digest";
}
