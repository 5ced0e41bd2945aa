using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// The files in samples/ (what the start command uploads on first start) through the whole pipeline, as an office
/// would send them: a region's agreements first, then its enrolments; the employer compliance sheets on their own.
/// Every expectation is samples/README.md's: the agreements are accepted whole (Nagekeo's with its budget warning),
/// each enrolment sheet rejects exactly its five faulty rows, and each compliance sheet rejects its five faulty rows
/// and keeps its two doubtful ones with a warning, each finding at the row and cell the README names.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SampleValidationTests(PipelineFixture system)
{
    [Theory]
    [InlineData("5204", "perjanjian-sumbawa-2026.xlsx", 2, "", "PKS/045/BPJSTK-SBW/III/2026",
        "peserta-sumbawa-2026.xlsx", 312, 1,
        "B16=NIK_PRECISION_LOST B41=NIK_FORMAT E62=DATE_FORMAT K95=OCCUPATION_UNKNOWN B145=DUPLICATE_IN_FILE", 27, "petani")]
    [InlineData("5318", "perjanjian-sumba-barat-daya-2026.xlsx", 2, "", "PKS/112/BPJSTK-TBK/IX/2026",
        "peserta-sumba-barat-daya-okt-des-2026.csv", 240, 1,
        "B6=NIK_PRECISION_LOST B49=NIK_FORMAT E100=DATE_FORMAT K135=OCCUPATION_UNKNOWN B204=DUPLICATE_IN_FILE", 18, "nelayan")]
    [InlineData("5316", "perjanjian-nagekeo-2026.xls", 1, "J4=BUDGET_SHORTFALL", "PKS/021/BPJSTK-END/III/2026",
        "peserta-nagekeo-2026.xls", 200, 1,
        "B11=NIK_PRECISION_LOST B67=NIK_FORMAT E107=DATE_FORMAT K126=OCCUPATION_UNKNOWN B155=DUPLICATE_IN_FILE", 48, "non_asn")]
    public async Task AgreementsSampleIsAcceptedWholeAndItsEnrolmentSampleRejectsExactlyTheFaultyRowsAtTheirCells(
        string region, string agreementsFile, int agreementRows, string agreementWarnings, string pks,
        string enrolmentsFile, int enrolmentRows, int blankRows, string errorCells, int duplicateOfRow, string suggestedOccupation)
    {
        var agreements = await UploadSampleAsync(region, agreementsFile);

        Assert.Equal("completed", agreements.Status);
        Assert.Equal(agreementRows, agreements.Rows.Read);
        Assert.Equal(agreementRows, agreements.Rows.Accepted);
        Assert.Equal(0, agreements.Rows.Rejected);
        var agreementReport = await system.FindingsReportAsync(agreements.UploadId);
        Assert.True(agreementReport["valid"]!.GetValue<bool>());
        Assert.Equal(Expected(agreementWarnings), Findings(agreementReport, "warning"));
        Assert.Empty(Findings(agreementReport, "error"));
        Assert.Equal(agreementRows, (await system.QueryAsync("agreements", TableClient.CreateQueryFilter($"PartitionKey eq {region}")))
            .Count(a => a.GetString("UploadId") == agreements.UploadId));

        var enrolments = await UploadSampleAsync(region, enrolmentsFile);

        var expectedErrors = Expected(errorCells);
        Assert.Equal("completed_with_errors", enrolments.Status);
        Assert.Equal(enrolmentRows, enrolments.Rows.Read);
        Assert.Equal(enrolmentRows - expectedErrors.Count, enrolments.Rows.Accepted);
        Assert.Equal(expectedErrors.Count, enrolments.Rows.Rejected);
        Assert.Equal(enrolments.Rows.Read, enrolments.Rows.Accepted + enrolments.Rows.Rejected);
        Assert.Equal(blankRows, enrolments.Rows.Blank);

        var report = await system.FindingsReportAsync(enrolments.UploadId);
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(enrolmentRows - expectedErrors.Count, report["stats"]!["accepted"]!.GetValue<int>());
        Assert.Equal(expectedErrors.Count, report["stats"]!["rejected"]!.GetValue<int>());
        Assert.Equal(blankRows, report["stats"]!["blankRows"]!.GetValue<int>());
        Assert.Equal(expectedErrors, Findings(report, "error"));
        Assert.Empty(Findings(report, "warning"));

        var duplicate = Single(report, "DUPLICATE_IN_FILE");
        Assert.Contains($"baris {duplicateOfRow}", duplicate["message"]!.GetValue<string>());
        Assert.Matches($"^{region}\\*{{8}}\\d{{4}}$", duplicate["value"]!.GetValue<string>());
        Assert.Contains(suggestedOccupation, Single(report, "OCCUPATION_UNKNOWN")["message"]!.GetValue<string>());

        // What passed is stored under the region's PKS (the CSV's rows without a Nomor PKS too: its only PKS in force).
        Assert.Equal(enrolmentRows - expectedErrors.Count, (await system.ParticipantsAsync(region, AgreementKey(pks))).Count);
        var csv = Encoding.UTF8.GetString(await system.ReportFileAsync(enrolments.UploadId, "rejected.csv")).TrimStart('\uFEFF');
        Assert.Equal(1 + expectedErrors.Count, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEmpty(await system.ReportFileAsync(enrolments.UploadId, "rejected.xlsx"));
    }

    [Theory]
    [InlineData("5204", "kepatuhan-sumbawa-okt-2026.xlsx", 120,
        "B14=NPP_FORMAT I38=AMOUNT_FORMAT K52=FOLLOWUP_UNKNOWN L66=DATE_IN_FUTURE B94=DUPLICATE_IN_FILE", "H77=ARREARS_INCONSISTENT I110=ARREARS_ZERO_AMOUNT", 20)]
    [InlineData("5318", "kepatuhan-sumba-barat-daya-okt-2026.csv", 64,
        "B9=NPP_FORMAT K17=FOLLOWUP_UNKNOWN I34=AMOUNT_FORMAT J43=DATE_IN_FUTURE B55=DUPLICATE_IN_FILE", "H25=ARREARS_INCONSISTENT I61=ARREARS_ZERO_AMOUNT", 11)]
    [InlineData("5316", "kepatuhan-nagekeo-okt-2026.xls", 80,
        "B15=NPP_FORMAT I30=AMOUNT_FORMAT L41=DATE_IN_FUTURE K48=FOLLOWUP_UNKNOWN B70=DUPLICATE_IN_FILE", "H56=ARREARS_INCONSISTENT I75=ARREARS_ZERO_AMOUNT", 8)]
    public async Task ComplianceSampleIsFiledAsTheSnapshotOfItsDataDateRejectingExactlyItsFaultyRowsAndWarningOnTheDoubtfulOnes(
        string region, string file, int rows, string errorCells, string warningCells, int duplicateOfRow)
    {
        var upload = await UploadSampleAsync(region, file);

        var expectedErrors = Expected(errorCells);
        Assert.Equal("completed_with_errors", upload.Status);
        Assert.Equal("compliance", upload.Kind);
        Assert.Equal("2026-10-31", upload.SnapshotDate);
        Assert.Equal(rows, upload.Rows.Read);
        Assert.Equal(rows - expectedErrors.Count, upload.Rows.Accepted);
        Assert.Equal(expectedErrors.Count, upload.Rows.Rejected);
        Assert.Equal(0, upload.Rows.Blank);

        var report = await system.FindingsReportAsync(upload.UploadId);
        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(expectedErrors, Findings(report, "error"));
        Assert.Equal(Expected(warningCells), Findings(report, "warning"));
        Assert.Contains($"baris {duplicateOfRow}", Single(report, "DUPLICATE_IN_FILE")["message"]!.GetValue<string>());

        // What passed is this region's snapshot of 31 October 2026: every accepted employer, the two warned ones too.
        Assert.Equal(rows - expectedErrors.Count, (await system.QueryAsync("employers", TableClient.CreateQueryFilter($"PartitionKey eq {upload.UploadId}"))).Count);
        var snapshot = Assert.Single(await system.QueryAsync("compliancesnapshots",
            TableClient.CreateQueryFilter($"PartitionKey eq {region} and RowKey eq {"2026-10-31"}")));
        Assert.Equal(upload.UploadId, snapshot.GetString("UploadId"));
        Assert.Equal(rows - expectedErrors.Count, snapshot.GetInt32("Employers"));
        var csv = Encoding.UTF8.GetString(await system.ReportFileAsync(upload.UploadId, "rejected.csv")).TrimStart('\uFEFF');
        Assert.Equal(1 + expectedErrors.Count, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private async Task<UploadSummary> UploadSampleAsync(string region, string file)
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(LocalHost.RepositoryPaths.Root, "samples", region, file));
        return await system.UploadAndWaitAsync(region, file, content);
    }

    /// <summary>"B16=NIK_FORMAT E62=DATE_FORMAT" as (code, row, cell), the row being the cell's.</summary>
    private static List<(string Code, int Row, string Cell)> Expected(string cells) =>
    [
        .. cells.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .Select(pair => (pair[1], int.Parse(pair[0].TrimStart((char[])[.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]), CultureInfo.InvariantCulture), pair[0]))
            .OrderBy(finding => finding.Item2).ThenBy(finding => finding.Item1, StringComparer.Ordinal),
    ];

    private static List<(string Code, int Row, string Cell)> Findings(JsonObject report, string severity) =>
    [
        .. report["findings"]!.AsArray()
            .Where(f => f!["severity"]!.GetValue<string>() == severity)
            .Select(f => (f!["code"]!.GetValue<string>(), f["row"]?.GetValue<int>() ?? 0, f["cell"]?.GetValue<string>() ?? ""))
            .OrderBy(finding => finding.Item2).ThenBy(finding => finding.Item1, StringComparer.Ordinal),
    ];

    private static JsonNode Single(JsonObject report, string code) =>
        Assert.Single(report["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>() == code)!;

    private static string AgreementKey(string agreementNo) => agreementNo.ToUpperInvariant().Replace("/", "%2F");
}
