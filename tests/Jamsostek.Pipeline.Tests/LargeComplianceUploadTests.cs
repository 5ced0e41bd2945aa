using System.Diagnostics;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using Xunit.Abstractions;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// A province-sized employer list: 50,000 employers in one .xlsx (written to disk as generated, never held whole), through
/// the whole pipeline within the benchmark's memory bound for the worker.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LargeComplianceUploadTests(PipelineFixture system, ITestOutputHelper output) : IDisposable
{
    private const int Employers = 50_000;

    // The benchmark's bound (README, Performance): rows are read one at a time, staged and validated a chunk of 1,000
    // at a time, the employers written in transactions of 100 and counted back a page at a time for the snapshot.
    private const long PeakWorkingSetLimit = 400L * 1024 * 1024;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kepatuhan-{Employers}-{Guid.NewGuid():N}.xlsx");

    [Fact]
    public async Task FiftyThousandEmployersAreAcceptedAndFiledAsOneSnapshotWithinTheWorkersMemoryBound()
    {
        // Seram Bagian Timur: no other test files compliance snapshots there.
        const string region = "8105";
        var dataDate = new DateOnly(2026, 10, 31);
        SpreadsheetWriter.WriteXlsx(_path, [ComplianceSheet.Sheet(region, ComplianceSheet.Rows(Employers, region, dataDate, seed: 8105), dataDate)]);
        var memory = ProcessMemory.StartMeasuring(system.Host.Worker.ProcessId!.Value);
        var clock = Stopwatch.StartNew();

        var upload = await system.UploadFileAndWaitAsync(region, "kepatuhan-provinsi-okt-2026.xlsx", _path, TimeSpan.FromMinutes(5));

        var elapsed = clock.Elapsed;
        var peak = memory?.PeakBytes();
        output.WriteLine($"{new FileInfo(_path).Length / 1_048_576.0:0.0} MB xlsx, {Employers:N0} employers, blob written to {upload.Status} in {elapsed.TotalSeconds:0.0} s; " +
            (peak is { } bytes
                ? $"worker peak working set {bytes / 1_048_576.0:0} MiB (VmHWM), {memory!.BaselineBytes / 1_048_576.0:0} MiB before the upload"
                : "worker peak working set not measurable here"));
        Assert.Equal("completed", upload.Status);
        Assert.Equal("compliance", upload.Kind);
        Assert.Equal("2026-10-31", upload.SnapshotDate);
        Assert.Equal(Employers, upload.Rows.Read);
        Assert.Equal(Employers, upload.Rows.Accepted);
        Assert.Equal(0, upload.Rows.Rejected);
        Assert.Equal(0, upload.Rows.Warnings);

        var snapshot = Assert.Single(await system.QueryAsync("compliancesnapshots", TableClient.CreateQueryFilter($"PartitionKey eq {region}")));
        Assert.Equal(upload.UploadId, snapshot.GetString("UploadId"));
        Assert.Equal(Employers, snapshot.GetInt32("Employers"));
        // The first and the last employer of the sheet are stored under their NPP (typed "12.345.678" in every third row).
        var employers = system.Table("employers");
        var npps = ComplianceSheet.Rows(Employers, region, dataDate, seed: 8105).Select(row => ((string)row[ComplianceSheet.Columns.Npp]!).Replace(".", ""));
        foreach (var npp in new[] { npps.First(), npps.Last() })
        {
            Assert.True((await employers.GetEntityIfExistsAsync<TableEntity>(upload.UploadId, npp)).HasValue, $"employer {npp} is not stored");
        }
        if (peak is { } measured)
        {
            Assert.True(measured < PeakWorkingSetLimit, $"The worker's working set peaked at {measured / 1_048_576} MiB.");
        }
    }

    public void Dispose() => File.Delete(_path);
}
