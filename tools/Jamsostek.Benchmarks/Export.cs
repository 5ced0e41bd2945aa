using System.Diagnostics;
using Azure.Data.Tables;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The participants CSV export of one agreement through the HTTP API (host, worker, table, CSV) against a raw scan
/// of the same partition with the SDK (1,000 a page, every property). exportToScan = scan seconds / export seconds.
/// </summary>
public static class Export
{
    public sealed record Figures(int Rows, double ScanSeconds, double ExportSeconds, long ExportBytes)
    {
        public double ExportToScan => ScanSeconds / ExportSeconds;
    }

    public static async Task<Figures> MeasureAsync(BenchSystem system, BenchSheets sheets, int expectedRows)
    {
        using var client = system.CreateClient();
        var url = $"api/reports/participants?region={sheets.Region}&agreement={Uri.EscapeDataString(sheets.AgreementNo)}&format=csv";
        var scan = double.MaxValue;
        var export = double.MaxValue;
        long bytes = 0;
        // Alternating, best of three each: neither side gets the warm caches alone.
        for (var round = 0; round < 3; round++)
        {
            var (scanned, scanSeconds) = await ScanAsync(system, sheets);
            Check(scanned, expectedRows, "scan");
            scan = Math.Min(scan, scanSeconds);
            var (lines, exportBytes, exportSeconds) = await ExportAsync(client, url);
            Check(lines - 1, expectedRows, "export");
            export = Math.Min(export, exportSeconds);
            bytes = exportBytes;
        }
        return new Figures(expectedRows, scan, export, bytes);
    }

    private static async Task<(int Rows, double Seconds)> ScanAsync(BenchSystem system, BenchSheets sheets)
    {
        var table = system.Table("participants");
        var clock = Stopwatch.StartNew();
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sheets.ParticipantsPartition}"), maxPerPage: 1000))
        {
            rows++;
        }
        return (rows, clock.Elapsed.TotalSeconds);
    }

    private static async Task<(int Lines, long Bytes, double Seconds)> ExportAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var lines = 0;
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return (lines, bytes, clock.Elapsed.TotalSeconds);
    }

    private static void Check(int actual, int expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"The {what} gave {actual} rows, not {expected}.");
        }
    }
}
