using Jamsostek.Ingestion.Tests.Infrastructure;
using Jamsostek.TestData;
using Xunit.Abstractions;

namespace Jamsostek.Ingestion.Tests;

/// <summary>
/// After a large upload, or a hostile one, the worker gives back what it took: within a minute of the upload being
/// read its resident set is back near what it was before, not held until the next restart.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class MemoryGivenBackTests(IngestionSystem system, ITestOutputHelper output)
{
    /// <summary>How far above its size before the upload the worker may stay once it has given memory back (at most half of what it grew).</summary>
    private const long Slack = 32L * 1_048_576;

    /// <summary>Below this growth the upload took too little to tell giving back from not.</summary>
    private const long MeaningfulGrowth = 24L * 1_048_576;

    public static TheoryData<string> Uploads => new() { "large", "hostile" };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task TheWorkersResidentSetReturnsNearItsSizeBeforeTheUploadWithinAMinute(string which)
    {
        var worker = system.WorkerProcessId;
        Assert.NotNull(ProcessMemory.CurrentBytes(worker)); // Linux, where CI runs
        var before = await SettledBytesAsync(worker);
        var memory = ProcessMemory.StartMeasuring(worker)!;

        var upload = which == "large"
            ? await system.IngestAsync("5311", "peserta-besar-memori.xlsx", SpreadsheetWriter.XlsxBytes(
                EnrolmentSheet.Sheet(100_000, "5311", "PKS/009/BPJS-WGP/2026", new(2026, 1, 1), new(2026, 12, 31), seed: 600)), TimeSpan.FromMinutes(3))
            : await system.IngestAsync("5311", "peserta-teks-berulang-memori.xlsx", HostileFiles.SharedStringAmplification());
        Assert.Equal(which == "large" ? "validating" : "rejected", upload.Status);
        var peak = memory.PeakBytes()!.Value;
        Assert.True(peak - before >= MeaningfulGrowth, $"the upload took no memory worth giving back (peak {Mib(peak)} MiB, before {Mib(before)} MiB)");
        // Kept without giving back, the heap stays near the peak: more than half the growth above the size before.
        var allowed = Math.Min(Slack, (peak - before) / 2);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        long now;
        while ((now = ProcessMemory.CurrentBytes(worker)!.Value) > before + allowed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1_000);
        }
        output.WriteLine($"{which}: before {Mib(before)} MiB, peak {Mib(peak)} MiB, after {Mib(now)} MiB ({(deadline - DateTime.UtcNow).TotalSeconds:0} s to spare)");
        Assert.True(now <= before + allowed, $"the worker holds {Mib(now)} MiB a minute after the upload, {Mib(before)} MiB before it and {Mib(peak)} MiB at its peak");
    }

    /// <summary>
    /// What the worker holds when nothing runs: the lowest of a few readings a second apart, once it has been idle long
    /// enough to have trimmed after the tests before this one (10 s idle, checked every 5 s).
    /// </summary>
    private static async Task<long> SettledBytesAsync(int worker)
    {
        await Task.Delay(TimeSpan.FromSeconds(17));
        var lowest = long.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            lowest = Math.Min(lowest, ProcessMemory.CurrentBytes(worker)!.Value);
            await Task.Delay(1_000);
        }
        return lowest;
    }

    private static string Mib(long bytes) => (bytes / 1_048_576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
