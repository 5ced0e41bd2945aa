using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;
using C = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Pipeline.Tests;

[Collection(PipelineCollection.Name)]
public sealed class ReportsApiTests(PipelineFixture system)
{
    static ReportsApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every report route, asked about region 5311 (or its upload), which the Ende keys do not cover.</summary>
    private static IEnumerable<string> RoutesFor(ReportData data, string region, string uploadId) =>
    [
        $"api/uploads?region={region}",
        $"api/uploads/{uploadId}",
        $"api/uploads/{uploadId}/findings",
        $"api/uploads/{uploadId}/rejected",
        $"api/agreements?region={region}",
        $"api/reports/coverage?region={region}",
        $"api/reports/participants?region={region}",
        $"api/reports/expiring?region={region}",
    ];

    [Fact]
    public async Task EveryRouteRefusesAMissingWrongOrRevokedKeyWith401()
    {
        var data = await ReportData.GetAsync(system);
        foreach (var key in new[] { null, "not-a-key", data.RevokedKey })
        {
            using var client = system.CreateClient(key);
            foreach (var route in RoutesFor(data, data.Ende.Region, data.EndeUploadId))
            {
                var response = await client.GetAsync(route);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} with key {key?[..4]}: {response.StatusCode}");
                await AssertProblemAsync(response, 401, "Kunci akses diperlukan");
            }
        }
    }

    [Fact]
    public async Task KeyInTheUrlIsRefusedOnlyTheHeaderCounts()
    {
        var data = await ReportData.GetAsync(system);
        using var anonymous = system.CreateClient(null);
        using var withHeader = system.CreateClient(data.EndeKey);

        var inUrl = await anonymous.GetAsync($"api/uploads/{data.EndeUploadId}?code={Uri.EscapeDataString(data.EndeKey)}");
        var inHeader = await withHeader.GetAsync($"api/uploads/{data.EndeUploadId}");

        // A key in a URL ends up in proxy logs and browser history.
        Assert.Equal(HttpStatusCode.Unauthorized, inUrl.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inHeader.StatusCode);
    }

    [Fact]
    public async Task AReportingKeyCannotUploadAndAKeyWithUploadPermissionCan()
    {
        var data = await ReportData.GetAsync(system);
        using var admin = system.CreateAdminClient();
        // Another region, so the shared report data stays as the other tests count it.
        var uploader = await CreateKeyAsync(admin, new { name = "Operator data Kota Kupang", regions = new[] { "5371", "5308" }, pii = false, upload = true });
        var sheet = Scenario.EnrolmentsXlsx(new Scenario("5371", "PKS/001/KUPANG/2045", 2045).Workers(3, seed: 77));

        using var reporting = system.CreateClient(data.EndeKey);
        var refused = await reporting.PostAsync("api/uploads?region=5308&file=peserta-kepala-daerah.xlsx", new ByteArrayContent(sheet));
        var refusedElsewhere = await reporting.PostAsync("api/uploads?region=5371&file=peserta-kepala-daerah.xlsx", new ByteArrayContent(sheet));
        using var uploading = system.CreateClient(uploader);
        var accepted = await uploading.PostAsync("api/uploads?region=5371&file=peserta-operator.xlsx", new ByteArrayContent(sheet));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("tidak berizin mengunggah", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refusedElsewhere.StatusCode);
        Assert.False(await system.Uploads.GetBlobClient("5308/peserta-kepala-daerah.xlsx").ExistsAsync());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(await system.Uploads.GetBlobClient("5371/peserta-operator.xlsx").ExistsAsync());
        var access = JsonNode.Parse(await uploading.GetStringAsync("api/access"))!;
        Assert.True((bool)access["upload"]!);
        Assert.False((bool)JsonNode.Parse(await reporting.GetStringAsync("api/access"))!["upload"]!);
    }

    [Fact]
    public async Task KeyStopsWorkingWhenItExpires()
    {
        var data = await ReportData.GetAsync(system);
        using var admin = system.CreateAdminClient();
        var expires = DateTimeOffset.UtcNow.AddSeconds(3);
        var key = await CreateKeyAsync(admin, new { name = "Tamu sementara", regions = new[] { "5308" }, pii = false, expiresAt = expires });
        var past = await admin.PostAsJsonAsync("api/manage/keys", new { name = "Sudah lewat", regions = new[] { "5308" }, pii = false, expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        using var client = system.CreateClient(key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/uploads/{data.EndeUploadId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        await Eventually.TrueAsync(async () => DateTimeOffset.UtcNow > expires
                && (await client.GetAsync($"api/uploads/{data.EndeUploadId}")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(15), "the expired key is refused");
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("api/manage/keys", request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }

    [Fact]
    public async Task EveryRouteRefusesAnotherRegionWith403()
    {
        var data = await ReportData.GetAsync(system);
        foreach (var key in new[] { data.EndeKey, data.EndePiiKey })
        {
            using var client = system.CreateClient(key);
            foreach (var route in RoutesFor(data, data.SumbaTimur.Region, data.SumbaTimurUploadId))
            {
                var response = await client.GetAsync(route);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route}: {response.StatusCode}");
                await AssertProblemAsync(response, 403, "Wilayah di luar cakupan kunci ini");
            }
            // The Ende routes themselves answer.
            foreach (var route in RoutesFor(data, data.Ende.Region, data.EndeUploadId).Where(r => !r.Contains("/rejected")))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task RegionlessRoutesAnswerOnlyWhatTheKeyMaySee()
    {
        var data = await ReportData.GetAsync(system);
        using var ende = system.CreateClient(data.EndeKey);
        using var all = system.CreateClient(PipelineFixture.DevKey);

        static IEnumerable<string> Regions(JsonNode node, string array) => node[array]!.AsArray().Select(n => n!["region"]!.GetValue<string>()).Distinct();

        Assert.Equal(["5308"], Regions(JsonNode.Parse(await ende.GetStringAsync("api/uploads"))!, "uploads"));
        Assert.Equal(["5308"], Regions(JsonNode.Parse(await ende.GetStringAsync("api/agreements"))!, "agreements"));
        Assert.Equal(["5308"], Regions(JsonNode.Parse(await ende.GetStringAsync("api/reports/coverage"))!, "regions"));
        Assert.Equal(["5308"], Regions(JsonNode.Parse(await ende.GetStringAsync("api/reports/expiring"))!, "agreements"));
        Assert.Equal(["5308"], JsonNode.Parse(await ende.GetStringAsync("api/reports/participants"))!.AsArray()
            .Select(n => n!["region"]!.GetValue<string>()).Distinct());
        Assert.Contains("5311", Regions(JsonNode.Parse(await all.GetStringAsync("api/uploads"))!, "uploads"));
    }

    [Fact]
    public async Task PersonalFieldsAreWithheldUnlessTheKeyCarriesPersonalDataPermission()
    {
        var data = await ReportData.GetAsync(system);
        using var masked = system.CreateClient(data.EndeKey);
        using var pii = system.CreateClient(data.EndePiiKey);
        var route = $"api/reports/participants?region=5308&agreement={Uri.EscapeDataString(data.Ende.AgreementNo)}";

        var hiddenRows = JsonNode.Parse(await masked.GetStringAsync(route))!.AsArray().Select(p => p!.AsObject()).ToList();
        var shownRows = JsonNode.Parse(await pii.GetStringAsync(route))!.AsArray().Select(p => p!.AsObject()).ToList();
        var hidden = hiddenRows.Select(p => p["nik"]!.GetValue<string>()).ToList();
        var shown = shownRows.Select(p => p["nik"]!.GetValue<string>()).ToList();

        Assert.Equal(18, hidden.Count);
        Assert.All(hidden, nik => Assert.Matches("^5308\\*{8}\\d{4}$", nik));
        var stored = data.EndeWorkers.Where((_, i) => i is not (9 or 15)).Select(w => (string)w[C.Nik]!).Order().ToList();
        Assert.Equal(stored, shown.Order());
        // Every personal field, not only the NIK: initials for the name, nothing of birth, address, phone or KPJ.
        Assert.All(hiddenRows, p =>
        {
            Assert.Matches("^([A-Z]\\. ?)+$", (string?)p["full_name"]);
            foreach (var field in new[] { "birth_date", "birth_place", "address", "phone", "kpj" })
            {
                Assert.True(p[field] is null, $"{field} is {p[field]?.ToJsonString()} for a key without personal-data permission");
            }
        });
        Assert.Contains(shownRows, p => p["address"] is not null && p["birth_date"] is not null && ((string?)p["full_name"])!.Length > 6);
        var maskedCsv = Encoding.UTF8.GetString(await masked.GetByteArrayAsync(route + "&format=csv"));
        Assert.DoesNotContain(data.EndeWorkers.Select(w => (string)w[C.FullName]!).First(), maskedCsv);
        Assert.Equal(HttpStatusCode.Forbidden, (await masked.GetAsync($"api/uploads/{data.EndeUploadId}/rejected")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pii.GetAsync($"api/uploads/{data.EndeUploadId}/rejected")).StatusCode);
    }

    [Fact]
    public async Task FindingsOnPersonalFieldsCarryNoValueForAKeyWithoutPersonalDataPermission()
    {
        var data = await ReportData.GetAsync(system);
        using var masked = system.CreateClient(data.EndeKey);
        using var pii = system.CreateClient(data.EndePiiKey);
        var route = $"api/uploads/{data.EndeUploadId}/findings";

        JsonObject BirthDateFinding(JsonNode report) =>
            report["findings"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string?)f["code"] == "DATE_FORMAT" && (string?)f["field"] == "birth_date");
        var hidden = BirthDateFinding(JsonNode.Parse(await masked.GetStringAsync(route))!);
        var shown = BirthDateFinding(JsonNode.Parse(await pii.GetStringAsync(route))!);

        // Row 17 had the birth date "31/02/1990" typed into it.
        Assert.Equal("31/02/1990", (string?)shown["value"]);
        Assert.Contains("31/02/1990", (string?)shown["message"]);
        Assert.Null(hidden["value"]);
        Assert.DoesNotContain("31/02/1990", (string?)hidden["message"]);
        Assert.DoesNotContain("31/02/1990", (string?)hidden["messageEn"]);
        Assert.Equal((int?)shown["row"], (int?)hidden["row"]);
        Assert.Equal((string?)shown["cell"], (string?)hidden["cell"]);
        var report = JsonNode.Parse(await masked.GetStringAsync(route))!;
        Assert.Equal(data.EndeUploadId, (string?)report["uploadId"]);
        Assert.Equal(18, (int?)report["stats"]!["accepted"]);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var file = await masked.GetByteArrayAsync($"{route}?format={format}");
            var text = format == "csv" ? Encoding.UTF8.GetString(file) : string.Join("|", ReadBack.Xlsx(file).Rows.SelectMany(r => r).Select(c => c?.ToString()));
            Assert.DoesNotContain("31/02/1990", text);
        }
        Assert.Contains("31/02/1990", Encoding.UTF8.GetString(await pii.GetByteArrayAsync($"{route}?format=csv")));
    }

    [Fact]
    public async Task ParticipantsCsvAndXlsxHoldTheSameRowsAsTheJsonAndNeutralizeFormulas()
    {
        var data = await ReportData.GetAsync(system);
        using var client = system.CreateClient(data.EndePiiKey);
        // One agreement: other tests store workers of Ende under agreements of their own.
        var route = $"api/reports/participants?region=5308&agreement={Uri.EscapeDataString(data.Ende.AgreementNo)}";

        var json = JsonNode.Parse(await client.GetStringAsync(route))!.AsArray()
            .Select(p => (Nik: p!["nik"]!.GetValue<string>(), Address: p["address"]?.GetValue<string>(), End: p["coverage_end"]!.GetValue<string>()))
            .OrderBy(p => p.Nik).ToList();
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(route + "&format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';')).ToList();
        var xlsx = ReadBack.Xlsx(await client.GetByteArrayAsync(route + "&format=xlsx")).Rows;

        Assert.Equal(18, json.Count);
        Assert.Equal("nik", csv[0][0]);
        Assert.Equal(json.Select(p => p.Nik), csv.Skip(1).Select(r => r[0]).Order());
        Assert.Equal(json.Select(p => p.Nik), xlsx.Skip(1).Select(r => (string)r[0]!).Order());
        var end = DateOnly.Parse(json[0].End);
        Assert.All(xlsx.Skip(1), r => Assert.Equal(end.ToDateTime(TimeOnly.MinValue), r[14]));
        // The address typed "=1+1 ..." is plain text in JSON, has an apostrophe in CSV and keeps its text in XLSX,
        // where the cell's quotePrefix style keeps it from running (XlsxTableWriterTests checks the style).
        Assert.Contains(json, p => p.Address == "=1+1 Jl. Melati");
        Assert.Contains(csv, r => r[5] == "'=1+1 Jl. Melati");
        Assert.Contains(xlsx, r => (string?)r[5] == "=1+1 Jl. Melati");
    }

    [Fact]
    public async Task CoverageCountsParticipantsActiveOnTheDateAskedAndFormatsAgree()
    {
        var data = await ReportData.GetAsync(system);
        using var client = system.CreateClient(data.EndeKey);
        string Route(DateOnly asOf) => $"api/reports/coverage?region=5308&asOf={asOf:yyyy-MM-dd}";

        var before = JsonNode.Parse(await client.GetStringAsync(Route(data.Ende.Start.AddDays(-1))))!;
        var first = JsonNode.Parse(await client.GetStringAsync(Route(data.Ende.Start)))!;
        var last = JsonNode.Parse(await client.GetStringAsync(Route(data.Ende.End)))!;
        var after = JsonNode.Parse(await client.GetStringAsync(Route(data.Ende.End.AddDays(1))))!;

        int Active(JsonNode report) => report["regions"]!.AsArray().Sum(r => r!["active"]!.GetValue<int>());
        Assert.Equal(0, Active(before));
        Assert.Equal(18, Active(first));
        Assert.Equal(18, Active(last));
        Assert.Equal(0, Active(after));
        var region = first["regions"]![0]!;
        Assert.Equal(50, region["target"]!.GetValue<int>());
        Assert.Equal(36.0m, region["percentOfTarget"]!.GetValue<decimal>());
        Assert.Equal(18, region["segments"]!.AsArray().Sum(s => s!["active"]!.GetValue<int>()));

        var rows = first["rows"]!.AsArray().Select(r => (r!["occupation"]!.GetValue<string>(), r["active"]!.GetValue<int>())).Order().ToList();
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(Route(data.Ende.Start) + "&format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(';')).ToList();
        var xlsx = ReadBack.Xlsx(await client.GetByteArrayAsync(Route(data.Ende.Start) + "&format=xlsx")).Rows.Skip(1).ToList();
        Assert.Equal(rows, csv.Select(r => (r[4], int.Parse(r[5]))).Order());
        Assert.Equal(rows, xlsx.Select(r => ((string)r[4]!, (int)(double)r[5]!)).Order());
    }

    [Fact]
    public async Task ExpiringListsTheAgreementWithinTheWindowAndItsWorkersLosingCover()
    {
        var data = await ReportData.GetAsync(system);
        using var client = system.CreateClient(data.EndeKey);

        var within = JsonNode.Parse(await client.GetStringAsync("api/reports/expiring?region=5308&withinDays=60"))!["agreements"]!.AsArray();
        var shorter = JsonNode.Parse(await client.GetStringAsync("api/reports/expiring?region=5308&withinDays=29"))!["agreements"]!.AsArray();
        var exact = JsonNode.Parse(await client.GetStringAsync("api/reports/expiring?region=5308&withinDays=30"))!["agreements"]!.AsArray();

        var item = Assert.Single(within, a => a!["agreementNo"]!.GetValue<string>() == data.Ende.AgreementNo)!;
        Assert.Equal(30, item["daysLeft"]!.GetValue<int>());
        Assert.Equal(18, item["participantsAtRisk"]!.GetValue<int>());
        Assert.Equal(data.Ende.End.ToString("yyyy-MM-dd"), item["lapses"]![0]!["date"]!.GetValue<string>());
        Assert.DoesNotContain(shorter, a => a!["agreementNo"]!.GetValue<string>() == data.Ende.AgreementNo);
        Assert.Contains(exact, a => a!["agreementNo"]!.GetValue<string>() == data.Ende.AgreementNo);
    }

    [Fact]
    public async Task UploadDetailAndFindingsInEveryFormatAgree()
    {
        var data = await ReportData.GetAsync(system);
        using var client = system.CreateClient(data.EndePiiKey);

        var upload = JsonNode.Parse(await client.GetStringAsync($"api/uploads/{data.EndeUploadId}"))!;
        Assert.Equal("completed_with_errors", upload["status"]!.GetValue<string>());
        Assert.Equal(2, upload["rows"]!["rejected"]!.GetValue<int>());
        var report = JsonNode.Parse(await client.GetStringAsync($"api/uploads/{data.EndeUploadId}/findings"))!;
        var findings = report["findings"]!.AsArray().Select(f => (f!["code"]!.GetValue<string>(), f["cell"]!.GetValue<string>())).Order().ToList();
        Assert.Equal([("DATE_FORMAT", "E17"), ("NIK_FORMAT", "B11")], findings);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"api/uploads/{data.EndeUploadId}/findings?format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(';')).ToList();
        Assert.Equal(findings, csv.Select(r => (r[0], r[4])).Order());
        var xlsx = ReadBack.Xlsx(await client.GetByteArrayAsync($"api/uploads/{data.EndeUploadId}/findings?format=xlsx")).Rows.Skip(1);
        Assert.Equal(findings, xlsx.Select(r => ((string)r[0]!, (string)r[4]!)).Order());
        var rejected = ReadBack.Xlsx(await client.GetByteArrayAsync($"api/uploads/{data.EndeUploadId}/rejected")).Rows;
        Assert.Equal(3, rejected.Count);
    }

    [Fact]
    public async Task RejectedFileHasItsFileLevelFindingInEveryFormat()
    {
        var data = await ReportData.GetAsync(system);
        var pdf = "%PDF-1.4\n% bukan lembar kerja\n"u8.ToArray();
        var record = await system.UploadAndWaitAsync(data.Ende.Region, "laporan.xlsx", pdf);
        using var client = system.CreateClient(data.EndeKey);

        var json = JsonNode.Parse(await client.GetStringAsync($"api/uploads/{record.UploadId}/findings"))!;
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"api/uploads/{record.UploadId}/findings?format=csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("rejected", record.Status);
        Assert.False(json["valid"]!.GetValue<bool>());
        var finding = Assert.Single(json["findings"]!.AsArray())!;
        Assert.Equal("FILE_TYPE", finding["code"]!.GetValue<string>());
        Assert.Contains("PDF", finding["message"]!.GetValue<string>());
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("FILE_TYPE;error;", csv[1]);
    }

    [Fact]
    public async Task ProblemsComeInEnglishWithLangEnAndBadParametersAre400()
    {
        var data = await ReportData.GetAsync(system);
        using var client = system.CreateClient(data.EndeKey);

        await AssertProblemAsync(await client.GetAsync("api/reports/coverage?region=5311&lang=en"), 403, "Region not covered by this key");
        await AssertProblemAsync(await client.GetAsync("api/reports/coverage?asOf=30-11-2025"), 400, "Parameter tidak valid");
        await AssertProblemAsync(await client.GetAsync("api/reports/participants?format=pdf&lang=en"), 400, "Invalid parameter");
        await AssertProblemAsync(await client.GetAsync("api/uploads/5308-ffffffffffffffffffff"), 404, "Tidak ditemukan");
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryRoute()
    {
        using var client = system.CreateClient(null);

        var document = JsonNode.Parse(await client.GetStringAsync("api/openapi.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/uploads", "/api/uploads/{uploadId}", "/api/uploads/{uploadId}/findings", "/api/uploads/{uploadId}/rejected",
            "/api/agreements", "/api/reports/coverage", "/api/reports/participants", "/api/reports/expiring", "/api/reports/compliance", "/api/manage/keys" })
        {
            Assert.Contains(path, paths);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string title)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.NotNull(problem["type"]);
    }
}
