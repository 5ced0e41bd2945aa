using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using C = Jamsostek.TestData.ComplianceSheet.Columns;
using D = Jamsostek.Pipeline.Tests.Infrastructure.ComplianceData;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// GET /api/reports/compliance and the coverage report's universal-coverage view, from compliance sheets uploaded as an
/// office would (see <see cref="ComplianceData"/>: two snapshots of region 5312 with one change of each kind).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ComplianceReportTests(PipelineFixture system)
{
    static ComplianceReportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Route = "api/reports/compliance?region=5312";

    private static string Bucket(int months) => months switch
    {
        <= 0 => "unknown",
        <= 3 => "1-3",
        <= 6 => "4-6",
        <= 12 => "7-12",
        _ => ">12",
    };

    [Fact]
    public async Task TheLatestSnapshotListsEmployersInArrearsWithTotalsPerBucketAndEachChangeSinceThePreviousOne()
    {
        var data = await D.GetAsync(system);
        using var client = system.CreateClient(data.RegionKey);

        var report = JsonNode.Parse(await client.GetStringAsync(Route))!;

        var region = Assert.Single(report["regions"]!.AsArray())!;
        Assert.Equal("5312", (string?)region["region"]);
        Assert.Equal("2019-11-30", (string?)region["snapshotDate"]);
        Assert.Equal("2019-10-31", (string?)region["previousSnapshotDate"]);
        Assert.Equal(data.NovemberUploadId, (string?)region["uploadId"]);
        var owing = data.November.Where(D.InArrears).ToList();
        Assert.Equal(24, (int)region["employers"]!);
        Assert.Equal(owing.Count, (int)region["employersInArrears"]!);
        Assert.Equal(owing.Sum(D.Owed), (long)region["owedIdr"]!);
        Assert.Equal(data.October.Count(D.InArrears), (int)region["previousEmployersInArrears"]!);
        Assert.Equal(data.October.Where(D.InArrears).Sum(D.Owed), (long)region["previousOwedIdr"]!);

        // Totals per bucket, counted here from the sheet as uploaded.
        var buckets = region["buckets"]!.AsArray().ToDictionary(b => (string)b!["bucket"]!, b => ((int)b!["employers"]!, (long)b["owedIdr"]!));
        Assert.Equal(["1-3", "4-6", "7-12", ">12", "unknown"], buckets.Keys);
        foreach (var (bucket, (employers, owed)) in buckets)
        {
            var inBucket = owing.Where(r => Bucket(D.Months(r)) == bucket).ToList();
            Assert.True(inBucket.Count == employers, $"bucket {bucket}: {employers} employers, expected {inBucket.Count}");
            Assert.Equal(inBucket.Sum(D.Owed), owed);
        }
        Assert.Equal("lebih dari 12 bulan", (string?)region["buckets"]![3]!["label"]);

        // Each change, counted and on its employer.
        var unchanged = data.October.Where(D.InArrears).Count() - 4; // less paid off, up, down and removed
        var changes = region["changes"]!.AsArray().ToDictionary(c => (string)c!["change"]!, c => (int)c!["employers"]!);
        Assert.Equal(new Dictionary<string, int>
        {
            ["newly_in_arrears"] = 2, ["amount_up"] = 1, ["amount_down"] = 1, ["unchanged"] = unchanged, ["paid_off"] = 1, ["no_longer_listed"] = 1,
        }, changes);
        var listed = region["inArrears"]!.AsArray().ToDictionary(e => (string)e!["npp"]!, e => e!);
        Assert.Equal(owing.Select(D.Npp).Order(), listed.Keys.Order());
        Assert.Equal(listed.Values.Select(e => (long)e["arrearsIdr"]!).OrderDescending(), listed.Values.Select(e => (long)e["arrearsIdr"]!));
        Assert.Equal("newly_in_arrears", (string?)listed[data.NewlyFromPaidUp]["change"]);
        Assert.Equal("newly_in_arrears", (string?)listed[data.NewlyListed]["change"]);
        Assert.Equal("baru menunggak", (string?)listed[data.NewlyListed]["changeLabel"]);
        var up = listed[data.AmountUp];
        Assert.Equal("amount_up", (string?)up["change"]);
        Assert.Equal((long)up["previousArrearsIdr"]! + 1_800_000, (long)up["arrearsIdr"]!);
        Assert.Equal(D.FormulaName, (string?)up["companyName"]);
        var down = listed[data.AmountDown];
        Assert.Equal("amount_down", (string?)down["change"]);
        Assert.Equal((long)down["previousArrearsIdr"]! / 2, (long)down["arrearsIdr"]!);
        Assert.DoesNotContain(data.PaidOff, listed.Keys);
        Assert.DoesNotContain(data.Removed, listed.Keys);
        var left = region["left"]!.AsArray().Select(e => ((string)e!["npp"]!, (string)e["change"]!, (long?)e["arrearsIdr"], (long)e["previousArrearsIdr"]!)).ToList();
        Assert.Equal(
            new[]
            {
                (data.PaidOff, "paid_off", (long?)0, D.Owed(data.October.Single(r => D.Npp(r) == data.PaidOff))),
                (data.Removed, "no_longer_listed", (long?)null, D.Owed(data.October.Single(r => D.Npp(r) == data.Removed))),
            }.OrderBy(e => e.Item1, StringComparer.Ordinal),
            left);

        // Follow-up step and since when: the step's date as typed; over 30 days in a warning step is stuck.
        var newlyListed = listed[data.NewlyListed];
        Assert.Equal(("belum_ditindaklanjuti", "belum ditindaklanjuti"), ((string?)newlyListed["followupStatus"], (string?)newlyListed["followupLabel"]));
        Assert.Equal(("2019-11-27", 3, false), ((string?)newlyListed["statusSince"], (int?)newlyListed["daysInStatus"], (bool)newlyListed["stuck"]!));
        var warned = listed[data.NewlyFromPaidUp];
        Assert.Equal(("surat_teguran_1", 40, true), ((string?)warned["followupStatus"], (int?)warned["daysInStatus"], (bool)warned["stuck"]!));
        Assert.Equal(listed.Values.Count(e => (bool)e["stuck"]!), (int)region["stuck"]!);
        Assert.Equal(("1-3", "1-3 bulan"), ((string?)newlyListed["bucket"], (string?)newlyListed["bucketLabel"]));
    }

    [Fact]
    public async Task CsvAndXlsxHoldOneRowPerEmployerInArrearsAndOnePerEmployerThatLeftWithIndonesianHeaders()
    {
        var data = await D.GetAsync(system);
        using var client = system.CreateClient(data.RegionKey);
        var region = JsonNode.Parse(await client.GetStringAsync(Route))!["regions"]![0]!;
        var expected = region["inArrears"]!.AsArray().Select(e => ((string)e!["npp"]!, (string?)e["changeLabel"] ?? ""))
            .Concat(region["left"]!.AsArray().Select(e => ((string)e!["npp"]!, (string)e["changeLabel"]!)))
            .ToList();

        var csvResponse = await client.GetAsync(Route + "&format=csv");
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';')).ToList();
        var xlsx = ReadBack.Xlsx(await client.GetByteArrayAsync(Route + "&format=xlsx")).Rows;
        var english = Encoding.UTF8.GetString(await client.GetByteArrayAsync(Route + "&format=csv&lang=en")).TrimStart('\uFEFF').Split("\r\n")[0].Split(';');

        Assert.Equal("attachment; filename=\"kepatuhan-5312.csv\"", csvResponse.Content.Headers.ContentDisposition?.ToString());
        string[] header =
        [
            "Wilayah", "Tanggal Data", "NPP", "Nama Perusahaan", "Sektor", "Kecamatan", "Jumlah Tunggakan (Rp)", "Bulan Menunggak", "Lama Tunggakan",
            "Status Tindak Lanjut", "Sejak Tanggal", "Lama pada Status (Hari)", "Perubahan dari Data Sebelumnya", "Tunggakan Sebelumnya (Rp)",
        ];
        Assert.Equal(header, csv[0]);
        Assert.Equal(header, xlsx[0].Select(c => (string?)c));
        Assert.Equal(["Region", "Data date", "NPP", "Company"], english[..4]);
        Assert.Equal(expected, csv.Skip(1).Select(r => (r[2], r[12])));
        Assert.Equal(expected, xlsx.Skip(1).Select(r => ((string)r[2]!, (string?)r[12] ?? "")));
        Assert.Contains(csv, r => r[2] == data.PaidOff && r[12] == "lunas");
        Assert.Contains(csv, r => r[2] == data.Removed && r[12] == "tidak tercantum lagi" && r[6] == "");
        Assert.Contains(csv, r => r[2] == data.NewlyListed && r[9] == "belum ditindaklanjuti" && r[8] == "1-3 bulan");
        // The company name typed "=1+2 ..." leaves as text: an apostrophe in CSV, the text kept in XLSX (its style keeps it from running).
        Assert.Contains(csv, r => r[2] == data.AmountUp && r[3] == "'" + D.FormulaName);
        Assert.Contains(xlsx, r => (string?)r[2] == data.AmountUp && (string?)r[3] == D.FormulaName);
        // Amounts as plain numbers, dates as an Indonesian clerk reads them in CSV; numbers and dates in XLSX.
        var owed = (long)region["inArrears"]!.AsArray().Single(e => (string?)e!["npp"] == data.AmountUp)!["arrearsIdr"]!;
        Assert.Contains(csv, r => r[2] == data.AmountUp && r[1] == "30/11/2019" && r[6] == owed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var up = xlsx.Single(r => (string?)r[2] == data.AmountUp);
        Assert.Equal((double)owed, up[6]);
        Assert.Equal(new DateTime(2019, 11, 30), up[1]);
    }

    [Fact]
    public async Task LangEnGivesEnglishLabelsAndAnEarlierAsOfTheSnapshotOfThatDay()
    {
        var data = await D.GetAsync(system);
        using var client = system.CreateClient(data.RegionKey);

        var english = JsonNode.Parse(await client.GetStringAsync(Route + "&lang=en"))!["regions"]![0]!;
        var october = JsonNode.Parse(await client.GetStringAsync(Route + "&asOf=2019-11-15"))!["regions"]![0]!;

        Assert.Contains(english["changes"]!.AsArray(), c => (string?)c!["change"] == "paid_off" && (string?)c["label"] == "paid off");
        Assert.Equal("over 12 months", (string?)english["buckets"]![3]!["label"]);
        Assert.Equal("2019-10-31", (string?)october["snapshotDate"]);
        Assert.Equal(data.OctoberUploadId, (string?)october["uploadId"]);
        Assert.Null(october["previousSnapshotDate"]);
        Assert.Empty(october["changes"]!.AsArray());
        Assert.Empty(october["left"]!.AsArray());
        Assert.All(october["inArrears"]!.AsArray(), e => Assert.Equal("none", (string?)e!["change"]));
        Assert.Equal(data.October.Count(D.InArrears), (int)october["employersInArrears"]!);
    }

    [Fact]
    public async Task KeysAreRegionScoped()
    {
        var data = await D.GetAsync(system);
        using var otherRegion = system.CreateClient(data.OtherRegionKey);
        using var ownRegion = system.CreateClient(data.RegionKey);
        using var anonymous = system.CreateClient(null);
        using var all = system.CreateClient(PipelineFixture.DevKey);

        await AssertProblemAsync(await otherRegion.GetAsync(Route), 403, "Wilayah di luar cakupan kunci ini");
        await AssertProblemAsync(await otherRegion.GetAsync(Route + "&format=csv"), 403, "Wilayah di luar cakupan kunci ini");
        await AssertProblemAsync(await anonymous.GetAsync(Route), 401, "Kunci akses diperlukan");
        await AssertProblemAsync(await ownRegion.GetAsync("api/reports/compliance?region=5312&format=pdf"), 400, "Parameter tidak valid");
        // Without region: every region the key may see, one block each.
        var regionless = JsonNode.Parse(await ownRegion.GetStringAsync("api/reports/compliance"))!["regions"]!.AsArray();
        Assert.Equal(["5312"], regionless.Select(r => (string)r!["region"]!));
        var everyRegion = JsonNode.Parse(await all.GetStringAsync("api/reports/compliance"))!["regions"]!.AsArray().Select(r => (string)r!["region"]!).ToList();
        Assert.Contains("5312", everyRegion);
        Assert.Equal(everyRegion.Order(StringComparer.Ordinal), everyRegion);
    }

    [Fact]
    public async Task ARegionWithoutAComplianceSheetGetsA404SayingNoneHasBeenUploaded()
    {
        await D.GetAsync(system);
        using var admin = system.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("api/manage/keys", new { name = "Disnaker 5310", regions = new[] { "5310" }, pii = false });
        response.EnsureSuccessStatusCode();
        using var noSheets = system.CreateClient(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>());

        var named = await noSheets.GetAsync("api/reports/compliance?region=5310");
        var regionless = await noSheets.GetAsync("api/reports/compliance?format=xlsx");
        var english = await noSheets.GetAsync("api/reports/compliance?region=5310&lang=en");
        using var all = system.CreateClient(PipelineFixture.DevKey);
        var beforeTheFirst = await all.GetAsync($"{Route}&asOf=2019-10-30");

        var detail = await AssertProblemAsync(named, 404, "Belum ada data kepatuhan");
        Assert.Contains("Belum ada lembar Kepatuhan Badan Usaha yang diunggah untuk wilayah 5310", detail);
        Assert.Contains("wilayah mana pun yang dicakup kunci ini", await AssertProblemAsync(regionless, 404, "Belum ada data kepatuhan"));
        Assert.Contains("No employer compliance sheet", await AssertProblemAsync(english, 404, "No compliance sheet yet"));
        Assert.Contains("sampai 2019-10-30", await AssertProblemAsync(beforeTheFirst, 404, "Belum ada data kepatuhan"));
    }

    [Fact]
    public async Task ASheetUploadedAgainForTheSameDateReplacesTheFirstInTheReport()
    {
        const string region = "5203";
        var date = new DateOnly(2019, 9, 30);
        var first = ComplianceSheet.Rows(12, region, date, seed: 41).ToList();
        var corrected = ComplianceSheet.Rows(12, region, date, seed: 41).ToList();
        var owing = Enumerable.Range(0, first.Count).Where(i => D.InArrears(first[i])).ToList();
        Assert.True(owing.Count >= 2, $"seed 41 gives {owing.Count} employers in arrears");
        corrected[owing[0]][C.ArrearsIdr] = 99_000_000L;    // the amount was mistyped
        corrected[owing[1]][C.ArrearsMonths] = 0;           // had paid after all
        corrected[owing[1]][C.ArrearsIdr] = 0L;
        corrected[owing[1]][C.FollowupStatus] = "Lunas";

        var firstUpload = await system.UploadAndWaitAsync(region, "kepatuhan-september-2019.xlsx",
            SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(region, first, date)));
        var correctedUpload = await system.UploadAndWaitAsync(region, "kepatuhan-september-2019-perbaikan.xlsx",
            SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(region, corrected, date)));
        var data = await D.GetAsync(system);
        using var client = system.CreateClient(data.OtherRegionKey);
        var report = JsonNode.Parse(await client.GetStringAsync($"api/reports/compliance?region={region}"))!;

        Assert.NotEqual(firstUpload.UploadId, correctedUpload.UploadId);
        Assert.Equal("completed", correctedUpload.Status);
        var block = Assert.Single(report["regions"]!.AsArray())!;
        Assert.Equal(correctedUpload.UploadId, (string?)block["uploadId"]);
        Assert.Equal("2019-09-30", (string?)block["snapshotDate"]);
        // One date, one snapshot: nothing to compare with.
        Assert.Null(block["previousSnapshotDate"]);
        Assert.Empty(block["changes"]!.AsArray());
        var listed = block["inArrears"]!.AsArray().ToDictionary(e => (string)e!["npp"]!, e => (long)e!["arrearsIdr"]!);
        Assert.Equal(owing.Count - 1, listed.Count);
        Assert.Equal(99_000_000L, listed[D.Npp(first[owing[0]])]);
        Assert.DoesNotContain(D.Npp(first[owing[1]]), listed.Keys);
        Assert.Equal(corrected.Where(D.InArrears).Sum(D.Owed), (long)block["owedIdr"]!);
    }

    [Fact]
    public async Task CoverageShowsTheUniversalCoverageViewFromTheSnapshotOfTheReportDate()
    {
        var data = await D.GetAsync(system);
        using var client = system.CreateClient(data.RegionKey);
        static long CompliantWorkers(IEnumerable<object?[]> rows) => rows.Where(r => !D.InArrears(r)).Sum(r => Convert.ToInt64(r[C.ReportedWorkers]));
        async Task<JsonNode> RegionOn(string asOf) =>
            JsonNode.Parse(await client.GetStringAsync($"api/reports/coverage?region=5312&asOf={asOf}"))!["regions"]!.AsArray()[0]!;

        var november = await RegionOn("2019-12-01");
        var october = await RegionOn("2019-11-15");
        var before = await RegionOn("2019-10-30");

        Assert.Equal(6, (int)november["active"]!);
        var view = november["universalCoverage"]!;
        Assert.Equal(6, (int)view["agreementWorkers"]!);
        Assert.Equal(CompliantWorkers(data.November), (long)view["compliantEmployerWorkers"]!);
        Assert.Equal(6 + CompliantWorkers(data.November), (long)view["total"]!);
        Assert.Equal(100, (int)view["target"]!);
        Assert.Equal("2019-11-30", (string?)view["snapshotDate"]);
        Assert.Equal(CompliantWorkers(data.October), (long)october["universalCoverage"]!["compliantEmployerWorkers"]!);
        Assert.Equal("2019-10-31", (string?)october["universalCoverage"]!["snapshotDate"]);
        Assert.NotEqual(CompliantWorkers(data.October), CompliantWorkers(data.November));
        Assert.Null(before["universalCoverage"]);
        Assert.Equal(6, (int)before["active"]!);
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(title, (string?)problem["title"]);
        var detail = (string?)problem["detail"];
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }
}
