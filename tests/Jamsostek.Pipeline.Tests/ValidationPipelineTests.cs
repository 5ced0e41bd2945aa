using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using C = Jamsostek.TestData.EnrolmentSheet.Columns;

namespace Jamsostek.Pipeline.Tests;

[Collection(PipelineCollection.Name)]
public sealed class ValidationPipelineTests(PipelineFixture system)
{
    static ValidationPipelineTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task EnrolmentsWithFaultyRowsCompleteWithErrorsAndEveryFindingIsAtItsCell()
    {
        var scenario = new Scenario("5308", "PKS/001/ENDE/2030", 2030);
        var agreements = await system.UploadAndWaitAsync(scenario.Region, "perjanjian-2030.xlsx", scenario.AgreementsXlsx());
        Assert.Equal("completed", agreements.Status);
        Assert.Equal(1, agreements.Rows.Accepted);

        var workers = scenario.Workers(30);
        var original = workers.Select(row => (object?[])row.Clone()).ToList();
        workers[3][C.Nik] = ((string)workers[3][C.Nik]!)[..15];      // sheet row 5
        workers[7][C.BirthDate] = "31/02/1990";                       // sheet row 9
        workers[12] = [13, .. workers[2][1..]];                       // sheet row 14: the worker of row 4 again
        workers[20][C.Occupation] = "Petanii";                        // sheet row 22
        var content = Scenario.EnrolmentsXlsx(workers);
        var record = await system.UploadAndWaitAsync(scenario.Region, "peserta-2030.xlsx", content);

        Assert.Equal("completed_with_errors", record.Status);
        Assert.Equal(30, record.Rows.Read);
        Assert.Equal(26, record.Rows.Accepted);
        Assert.Equal(4, record.Rows.Rejected);

        var report = await system.FindingsReportAsync(record.UploadId);
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(26, report["stats"]!["accepted"]!.GetValue<int>());
        var errors = report["findings"]!.AsArray().Where(f => f!["severity"]!.GetValue<string>() == "error")
            .Select(f => (Code: f!["code"]!.GetValue<string>(), Row: f["row"]!.GetValue<int>(), Cell: f["cell"]!.GetValue<string>()))
            .OrderBy(f => f.Row).ToList();
        Assert.Equal([("NIK_FORMAT", 5, "B5"), ("DATE_FORMAT", 9, "E9"), ("DUPLICATE_IN_FILE", 14, "B14"), ("OCCUPATION_UNKNOWN", 22, "K22")], errors);
        var duplicate = report["findings"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == "DUPLICATE_IN_FILE")!;
        Assert.Contains("baris 4", duplicate["message"]!.GetValue<string>());
        Assert.Matches("^5308\\*{8}\\d{4}$", duplicate["value"]!.GetValue<string>());

        Assert.Equal(26, (await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey)).Count);
        var coverage = await system.QueryAsync("coverage", TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Region}"));
        Assert.Equal(26, coverage.Where(c => c.GetString("AgreementNo") == scenario.AgreementNo).Sum(c => c.GetInt32("Participants") ?? 0));

        var csv = Encoding.UTF8.GetString(await system.ReportFileAsync(record.UploadId, "rejected.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("No;NIK;Nama Lengkap", lines[0]);
        Assert.Contains("Alasan Penolakan", lines[0]);
        Assert.Contains("31/02/1990", lines[2]);

        var rows = ReadBack.Xlsx(await system.ReportFileAsync(record.UploadId, "rejected.xlsx")).Rows;
        Assert.Equal(5, rows.Count);
        Assert.Equal(((string)workers[3][C.Nik]!), rows[1][C.Nik]);
        Assert.Contains("NIK", (string)rows[1][^2]!);

        // The office fixes the four rows in the rejected-rows file and uploads that file: the set is complete.
        var fixedRows = rows.Skip(1).Select(row => row[..EnrolmentSheet.Header.Count]).ToList();
        fixedRows[0][C.Nik] = original[3][C.Nik];
        fixedRows[1][C.BirthDate] = original[7][C.BirthDate];
        fixedRows[2] = original[12];
        fixedRows[3][C.Occupation] = "Petani";
        var corrected = await system.UploadAndWaitAsync(scenario.Region, "peserta-2030-perbaikan.xlsx", Scenario.EnrolmentsXlsx(fixedRows));

        Assert.Equal("completed", corrected.Status);
        Assert.Equal(4, corrected.Rows.Accepted);
        var participants = await system.ParticipantsAsync(scenario.Region, scenario.AgreementKey);
        Assert.Equal(30, participants.Count);
        Assert.Equal(30, participants.Select(p => p.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task AgreementOverItsTargetGetsOneQuotaWarningAndItsRowsAreStored()
    {
        var atTarget = new Scenario("5308", "PKS/010/ENDE/2037", 2037, Target: 10);
        var overTarget = new Scenario("5308", "PKS/011/ENDE/2038", 2038, Target: 10);
        await system.UploadAndWaitAsync(atTarget.Region, "perjanjian-2037.xlsx", atTarget.AgreementsXlsx());
        await system.UploadAndWaitAsync(overTarget.Region, "perjanjian-2038.xlsx", overTarget.AgreementsXlsx());

        var full = await system.UploadAndWaitAsync(atTarget.Region, "peserta-2037.xlsx", Scenario.EnrolmentsXlsx(atTarget.Workers(10, seed: 37)));
        var over = await system.UploadAndWaitAsync(overTarget.Region, "peserta-2038.xlsx", Scenario.EnrolmentsXlsx(overTarget.Workers(11, seed: 38)));

        Assert.Equal("completed", full.Status);
        Assert.Empty((await system.FindingsReportAsync(full.UploadId))["findings"]!.AsArray());
        Assert.Equal("completed", over.Status);
        Assert.Equal(11, over.Rows.Accepted);
        var quota = Assert.Single((await system.FindingsReportAsync(over.UploadId))["findings"]!.AsArray())!;
        Assert.Equal("QUOTA_EXCEEDED", quota["code"]!.GetValue<string>());
        Assert.Equal("warning", quota["severity"]!.GetValue<string>());
        Assert.Contains("11 orang, melebihi target 10", quota["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task WorkerCoveredInAnotherRegionForAnOverlappingPeriodIsRejectedNamingThatAgreement()
    {
        var home = new Scenario("5311", "PKS/012/SUMBA-TIMUR/2039", 2039);
        var elsewhere = new Scenario("8105", "PKS/013/SBT/2039", 2039);
        await system.UploadAndWaitAsync(home.Region, "perjanjian-2039.xlsx", home.AgreementsXlsx());
        await system.UploadAndWaitAsync(elsewhere.Region, "perjanjian-2039.xlsx", elsewhere.AgreementsXlsx());
        var workers = home.Workers(3, seed: 39);
        await system.UploadAndWaitAsync(home.Region, "peserta-2039.xlsx", Scenario.EnrolmentsXlsx(workers));

        // The second worker moved and is listed again by the other region's office.
        object?[] moved = [.. workers[1]];
        moved[C.AgreementNo] = elsewhere.AgreementNo;
        var record = await system.UploadAndWaitAsync(elsewhere.Region, "peserta-2039.xlsx", Scenario.EnrolmentsXlsx([moved]));

        Assert.Equal("completed_with_errors", record.Status);
        var findings = (await system.FindingsReportAsync(record.UploadId))["findings"]!.AsArray();
        var duplicate = Assert.Single(findings, f => f!["code"]!.GetValue<string>() == "DUPLICATE_COVERAGE")!;
        Assert.Equal("B2", duplicate["cell"]!.GetValue<string>());
        Assert.Contains(home.AgreementNo, duplicate["message"]!.GetValue<string>());
        Assert.Contains("wilayah 5311", duplicate["message"]!.GetValue<string>());
        Assert.Contains(findings, f => f!["code"]!.GetValue<string>() == "NIK_REGION");
        Assert.Empty(await system.ParticipantsAsync(elsewhere.Region, elsewhere.AgreementKey));
    }
}
