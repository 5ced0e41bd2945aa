using System.Diagnostics;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;

namespace Jamsostek.Pipeline.Tests;

[Collection(PipelineCollection.Name)]
public sealed class ExportStreamingTests(PipelineFixture system)
{
    private const int Rows = 100_000;

    [Fact]
    public async Task HundredThousandParticipantsStreamAsCsvWithTheFirstBytesEarlyAndBoundedMemory()
    {
        // 100,000 participants of one agreement, written straight to the table as the pipeline would store them.
        const string region = "5204";
        const string partition = "5204|PKS%2F099%2FSTREAM%2F2041";
        var table = system.Table("participants");
        await table.CreateIfNotExistsAsync();
        var niks = new NikGenerator(99);
        var entities = Enumerable.Range(0, Rows).Select(i =>
        {
            var born = new DateOnly(1960, 1, 1).AddDays(i % 15_000);
            return new TableEntity(partition, niks.Next(region, born, i % 2 == 0, 1 + (i % 20)))
            {
                ["Region"] = region, ["AgreementNo"] = "PKS/099/STREAM/2041", ["FullName"] = $"Peserta Uji {i}", ["BirthDate"] = born.ToString("yyyy-MM-dd"),
                ["Gender"] = i % 2 == 0 ? "P" : "L", ["Occupation"] = "petani", ["Segment"] = "pekerja_rentan", ["CoverageStart"] = "2041-01-01",
                ["CoverageEnd"] = "2041-12-31", ["Programs"] = "JKK, JKM", ["Fingerprint"] = "x", ["UploadId"] = "5204-stream", ["SourceRow"] = i + 2,
            };
        }).ToList();
        await Parallel.ForEachAsync(entities.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));

        using var client = system.CreateClient(PipelineFixture.DevKey);
        // An earlier test's upload is final before its last invocations end (the finalizer then deletes the staged
        // chunks): the worker's growth is measured once none runs, so it is this export's alone.
        await system.Host.Activity.WaitUntilAsync(activity => activity.Running("ValidateChunk") == 0 && activity.Running("IngestUpload") == 0,
            TimeSpan.FromMinutes(2), "no upload being processed");
        var memory = ProcessMemory.StartMeasuring(system.Host.Worker.ProcessId!.Value);
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(
            $"api/reports/participants?region={region}&agreement=PKS%2F099%2FSTREAM%2F2041&format=csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var read = await body.ReadAsync(buffer);
        var firstBytes = clock.Elapsed;
        long lines = buffer.AsSpan(0, read).Count((byte)'\n');
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        var total = clock.Elapsed;

        Assert.Equal(Rows + 1, lines);
        // Streamed: the first bytes leave long before the last row is read from the table.
        Assert.True(firstBytes < total / 4, $"first bytes after {firstBytes.TotalMilliseconds:0} ms of {total.TotalMilliseconds:0} ms");
        if (memory?.PeakBytes() is { } peak)
        {
            var growth = peak - memory.BaselineBytes;
            // The whole list held in memory would take hundreds of MB; a page of 1,000 and the writer's buffers take a few.
            Assert.True(growth < 100L * 1024 * 1024, $"the worker grew by {growth / 1048576} MB during the export");
        }
    }
}
