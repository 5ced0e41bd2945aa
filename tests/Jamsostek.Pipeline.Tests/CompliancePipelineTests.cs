using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using C = Jamsostek.TestData.ComplianceSheet.Columns;

namespace Jamsostek.Pipeline.Tests;

/// <summary>Employer compliance sheets (kepatuhan) through the whole pipeline: recognised, validated row by row, stored as a dated snapshot.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CompliancePipelineTests(PipelineFixture system)
{
    [Fact]
    public async Task AComplianceSheetIsRecognisedByItsHeaderValidatedAndFiledAsTheSnapshotOfItsDataDate()
    {
        var snapshot = new DateOnly(2026, 10, 31);
        // Sumba Timur: the compliance samples (SampleValidationTests) file snapshots of 5204, 5316 and 5318 on this date.
        var rows = ComplianceSheet.Rows(40, "5311", snapshot, seed: 17).ToList();
        rows[4][C.Npp] = "1234567";                                   // sheet row 9: 7 digits
        rows[9][C.Npp] = rows[2][C.Npp];                              // sheet row 14: the employer of row 7 again
        rows[14][C.ArrearsIdr] = "-Rp 5.000.000";                     // sheet row 19: negative
        rows[19][C.FollowupStatus] = "Sudah ditelepon";               // sheet row 24: no such step
        rows[24][C.LastPaidOn] = snapshot.AddDays(3);                 // sheet row 29: after the data date
        var content = SpreadsheetWriter.XlsxBytes(ComplianceSheet.Sheet("5311", rows, snapshot));

        var record = await system.UploadAndWaitAsync("5311", "kepatuhan-oktober-2026.xlsx", content);

        Assert.Equal("completed_with_errors", record.Status);
        Assert.Equal("compliance", record.Kind);
        Assert.Equal("2026-10-31", record.SnapshotDate);
        Assert.Equal(40, record.Rows.Read);
        Assert.Equal(35, record.Rows.Accepted);
        Assert.Equal(5, record.Rows.Rejected);
        var report = await system.FindingsReportAsync(record.UploadId);
        var errors = report["findings"]!.AsArray().Where(f => f!["severity"]!.GetValue<string>() == "error")
            .Select(f => (Code: f!["code"]!.GetValue<string>(), Cell: f["cell"]!.GetValue<string>()))
            .OrderBy(f => f.Cell.Length).ThenBy(f => f.Cell).ToList();
        Assert.Equal([("NPP_FORMAT", "B9"), ("DUPLICATE_IN_FILE", "B14"), ("AMOUNT_FORMAT", "I19"), ("FOLLOWUP_UNKNOWN", "K24"), ("DATE_IN_FUTURE", "J29")],
            errors.OrderBy(e => int.Parse(e.Cell[1..])).ToList());

        var employers = await system.QueryAsync("employers", TableClient.CreateQueryFilter($"PartitionKey eq {record.UploadId}"));
        Assert.Equal(35, employers.Count);
        var filed = Assert.Single(await system.QueryAsync("compliancesnapshots", TableClient.CreateQueryFilter($"PartitionKey eq {"5311"}")));
        Assert.Equal("2026-10-31", filed.RowKey);
        Assert.Equal(record.UploadId, filed.GetString("UploadId"));
        Assert.Equal(35, filed.GetInt32("Employers"));
    }
}
