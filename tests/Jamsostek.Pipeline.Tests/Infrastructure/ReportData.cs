using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jamsostek.TestData;
using C = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// What the report tests read, made once per test run: in Ende (5308) an agreement running from 100 days ago to
/// 30 days from now with 20 workers (2 rejected, one address starting with "="), in Sumba Timur (5311) one with
/// 5 workers; and keys for Ende with and without personal data, and a revoked one.
/// </summary>
internal sealed record ReportData(
    Scenario Ende,
    Scenario SumbaTimur,
    string EndeUploadId,
    string SumbaTimurUploadId,
    IReadOnlyList<object?[]> EndeWorkers,
    string EndeKey,
    string EndePiiKey,
    string RevokedKey)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReportData? _made;

    public static async Task<ReportData> GetAsync(PipelineFixture system)
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync(system);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static async Task<ReportData> MakeAsync(PipelineFixture system)
    {
        var start = Today.AddDays(-100);
        var end = Today.AddDays(30);
        var ende = new Scenario("5308", "PKS/020/ENDE/NOW", start.Year, Target: 50) { Period = (start, end) };
        var sumbaTimur = new Scenario("5311", "PKS/021/SUMBA-TIMUR/NOW", start.Year, Target: 10) { Period = (start, end) };
        await system.UploadAndWaitAsync(ende.Region, "perjanjian-now.xlsx", ende.AgreementsXlsx());
        await system.UploadAndWaitAsync(sumbaTimur.Region, "perjanjian-now.xlsx", sumbaTimur.AgreementsXlsx());

        var workers = ende.Workers(20, seed: 50);
        workers[4][C.Address] = "=1+1 Jl. Melati";
        workers[9][C.Nik] = "12345";
        workers[15][C.BirthDate] = "31/02/1990";
        var enrolments = await system.UploadAndWaitAsync(ende.Region, "peserta-now.xlsx", Scenario.EnrolmentsXlsx(workers));
        var other = await system.UploadAndWaitAsync(sumbaTimur.Region, "peserta-now.xlsx", Scenario.EnrolmentsXlsx(sumbaTimur.Workers(5, seed: 51)));

        using var admin = system.CreateAdminClient();
        var endeKey = await CreateKeyAsync(admin, "Disnaker Ende", ["5308"], pii: false);
        var endePiiKey = await CreateKeyAsync(admin, "Disnaker Ende (data pribadi)", ["53.08"], pii: true);
        var revoked = await CreateKeyAsync(admin, "Dicabut", ["*"], pii: true);
        var list = JsonNode.Parse(await admin.GetStringAsync("api/manage/keys"))!["keys"]!.AsArray();
        var revokedId = list.Single(k => k!["name"]!.GetValue<string>() == "Dicabut")!["keyId"]!.GetValue<string>();
        (await admin.DeleteAsync($"api/manage/keys/{revokedId}")).EnsureSuccessStatusCode();
        return new ReportData(ende, sumbaTimur, enrolments.UploadId, other.UploadId, workers, endeKey, endePiiKey, revoked);
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string name, string[] regions, bool pii)
    {
        var response = await admin.PostAsJsonAsync("api/manage/keys", new { name, regions, pii });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }
}
