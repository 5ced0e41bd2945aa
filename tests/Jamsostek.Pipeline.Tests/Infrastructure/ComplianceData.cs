using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jamsostek.TestData;
using C = Jamsostek.TestData.ComplianceSheet.Columns;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>
/// What the compliance report tests read, made once per test run in region 5312 (a code of its own: the samples file snapshots for 5204, 5316 and 5318 in the same storage): an agreement for 2019 with six
/// workers, and two compliance snapshots, 31 October and 30 November 2019, of the same 24 employers, the second with one
/// change of each kind: one paid off, one newly in arrears (paid up before) and one never listed before, one owing more,
/// one owing less, one gone from the sheet. Keys for 5312 and for another region, 5203.
/// </summary>
internal sealed record ComplianceData(
    Scenario Agreement,
    IReadOnlyList<object?[]> October,
    IReadOnlyList<object?[]> November,
    string OctoberUploadId,
    string NovemberUploadId,
    string PaidOff,
    string NewlyFromPaidUp,
    string NewlyListed,
    string AmountUp,
    string AmountDown,
    string Removed,
    string RegionKey,
    string OtherRegionKey)
{
    public const string Region = "5312";
    public const string FormulaName = "=1+2 CV Rumus Nagekeo";
    public static readonly DateOnly OctoberDate = new(2019, 10, 31);
    public static readonly DateOnly NovemberDate = new(2019, 11, 30);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ComplianceData? _made;

    public static async Task<ComplianceData> GetAsync(PipelineFixture system)
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

    public static string Npp(object?[] row) => ((string)row[C.Npp]!).Replace(".", "");

    public static long Owed(object?[] row) => Convert.ToInt64(row[C.ArrearsIdr]);

    public static int Months(object?[] row) => Convert.ToInt32(row[C.ArrearsMonths]);

    public static bool InArrears(object?[] row) => Months(row) > 0 || Owed(row) > 0;

    private static async Task<ComplianceData> MakeAsync(PipelineFixture system)
    {
        var agreement = new Scenario(Region, "PKS/030/NAGEKEO/2019", 2019);
        await system.UploadAndWaitAsync(Region, "perjanjian-2019.xlsx", agreement.AgreementsXlsx());
        await system.UploadAndWaitAsync(Region, "peserta-2019.xlsx", Scenario.EnrolmentsXlsx(agreement.Workers(6, seed: 71)));

        var october = ComplianceSheet.Rows(24, Region, OctoberDate, seed: 31).ToList();
        var november = ComplianceSheet.Rows(24, Region, NovemberDate, seed: 31).ToList();
        var inArrears = Enumerable.Range(0, october.Count).Where(i => InArrears(october[i])).ToList();
        var paidUp = Enumerable.Range(0, october.Count).Where(i => !InArrears(october[i])).ToList();
        if (inArrears.Count < 5 || paidUp.Count < 1)
        {
            throw new InvalidOperationException($"Seed 31 gives {inArrears.Count} employers in arrears and {paidUp.Count} paid up: pick another seed.");
        }
        var (paidOff, up, down, removed, newly) = (november[inArrears[0]], november[inArrears[1]], november[inArrears[2]], november[inArrears[3]], november[paidUp[0]]);

        paidOff[C.ArrearsMonths] = 0;
        paidOff[C.ArrearsIdr] = 0L;
        paidOff[C.LastPaidOn] = NovemberDate.AddDays(-5);
        paidOff[C.FollowupStatus] = "Lunas";
        paidOff[C.FollowupOn] = NovemberDate.AddDays(-5);
        up[C.ArrearsIdr] = Owed(up) + 1_800_000;
        up[C.CompanyName] = FormulaName;
        down[C.ArrearsIdr] = Owed(down) / 2;
        newly[C.ArrearsMonths] = 2;
        newly[C.ArrearsIdr] = 2L * Convert.ToInt64(newly[C.ReportedWorkers]) * 180_000;
        newly[C.LastPaidOn] = NovemberDate.AddMonths(-2);
        newly[C.FollowupStatus] = "Surat Teguran 1";
        newly[C.FollowupOn] = NovemberDate.AddDays(-40);
        november.Remove(removed);
        var listed = ComplianceSheet.Row("98.765.432", "PT Baru Menunggak Nagekeo", "Konstruksi", Regencies.Nagekeo.Districts[0].Name, 10, 8, 1, 1_440_000L,
            NovemberDate.AddMonths(-1), "Belum Ditindaklanjuti", NovemberDate.AddDays(-3), no: 25);
        november.Add(listed);

        var octoberUpload = await system.UploadAndWaitAsync(Region, "kepatuhan-oktober-2019.xlsx",
            SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(Region, october, OctoberDate)));
        var novemberUpload = await system.UploadAndWaitAsync(Region, "kepatuhan-november-2019.xlsx",
            SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet(Region, november, NovemberDate)));
        foreach (var upload in new[] { octoberUpload, novemberUpload })
        {
            if (upload.Status is not ("completed" or "completed_with_errors") || upload.Rows.Rejected != 0)
            {
                throw new InvalidOperationException($"Upload {upload.UploadId} is {upload.Status} with {upload.Rows.Rejected} rows rejected: "
                    + $"{upload.RejectionCode} {upload.RejectionMessage}");
            }
        }

        using var admin = system.CreateAdminClient();
        return new ComplianceData(agreement, october, november, octoberUpload.UploadId, novemberUpload.UploadId,
            Npp(paidOff), Npp(newly), Npp(listed), Npp(up), Npp(down), Npp(removed),
            await CreateKeyAsync(admin, "Tim Kepatuhan Nagekeo", ["5312"]),
            await CreateKeyAsync(admin, "Tim Kepatuhan Sumbawa", ["5203"]));
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string name, string[] regions)
    {
        var response = await admin.PostAsJsonAsync("api/manage/keys", new { name, regions, pii = false });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }
}
