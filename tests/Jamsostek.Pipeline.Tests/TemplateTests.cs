using System.Globalization;
using System.Net;
using System.Text;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Pipeline.Tests;

/// <summary>The blank templates the portal offers (GET /api/templates/{kind}, no key), and what the app makes of one sent back.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TemplateTests(PipelineFixture system)
{
    static TemplateTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("peserta", "Daftar Peserta", "NIK Nama Tempat_Lahir Tanggal_Lahir", "5204011203900001")]
    [InlineData("perjanjian", "Perjanjian", "Nomor_PKS Jenis Kode_Wilayah Kabupaten/Kota", "PKS/045/BPJSTK-SBW/III/2026")]
    [InlineData("kepatuhan", "Kepatuhan", "NPP Nama_Perusahaan Sektor Kecamatan Jumlah_Tenaga_Kerja_Terdaftar TK_Dilaporkan Bulan_Menunggak " +
        "Jumlah_Tunggakan Tanggal_Bayar_Terakhir Status_Tindak_Lanjut Tanggal_Tindak_Lanjut Keterangan", "12.345.678")]
    public async Task EachTemplateDownloadsWithoutAKeyWithItsHeadersAndAnExampleRow(string kind, string sheet, string headers, string firstExampleCell)
    {
        using var client = system.CreateClient(key: null);

        using var response = await client.GetAsync($"api/templates/{kind}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"template-{kind}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var workbook = ReadBack.Xlsx(await response.Content.ReadAsByteArrayAsync());
        var (sheetName, rows) = (workbook.Name, workbook.Rows);
        Assert.Equal(sheet, sheetName);
        Assert.Equal(2, rows.Count);
        var expected = headers.Split(' ').Select(h => h.Replace('_', ' ')).ToList();
        Assert.Equal(expected, rows[0].Take(expected.Count));
        Assert.Equal(firstExampleCell, rows[1][0]);
    }

    [Fact]
    public async Task AnUnknownTemplateIsNotFound()
    {
        using var client = system.CreateClient(key: null);

        using var response = await client.GetAsync("api/templates/iuran");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheComplianceTemplateSentBackAsItIsIsAcceptedAsTodaysSnapshotOfOneEmployer()
    {
        using var client = system.CreateClient(key: null);
        var content = await client.GetByteArrayAsync("api/templates/kepatuhan");
        // Ende is WITA (UTC+8); without a "Tanggal Data" line the snapshot is the upload's day there.
        var before = WitaToday();

        // Ende: no other test files compliance snapshots there.
        var upload = await system.UploadAndWaitAsync("5308", "template-kepatuhan.xlsx", content);

        Assert.Equal("completed", upload.Status);
        Assert.Equal("compliance", upload.Kind);
        Assert.Equal(1, upload.Rows.Read);
        Assert.Equal(1, upload.Rows.Accepted);
        var snapshotDate = DateOnly.ParseExact(upload.SnapshotDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.InRange(snapshotDate, before, WitaToday());
        var employer = Assert.Single(await system.QueryAsync("employers", TableClient.CreateQueryFilter($"PartitionKey eq {upload.UploadId}")));
        Assert.Equal("12345678", employer.RowKey);
        Assert.DoesNotContain((await system.FindingsReportAsync(upload.UploadId))["findings"]!.AsArray(),
            f => f!["severity"]!.GetValue<string>() == "error");
    }

    private static DateOnly WitaToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
