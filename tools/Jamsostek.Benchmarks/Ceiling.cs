using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Jamsostek.TestData;

namespace Jamsostek.Benchmarks;

/// <summary>
/// The ceiling: N entities shaped like the app's participants (same keys, same properties) upserted straight into a
/// fresh table with the Azure SDK, as the app's <c>TableBatches</c> writes them: grouped by partition, 100 a
/// transaction, 8 transactions in flight.
/// </summary>
public static class Ceiling
{
    /// <summary>functions/Jamsostek.Functions/Storage/TableBatches.cs: MaxPerTransaction and Parallelism.</summary>
    public const int MaxPerTransaction = 100;
    public const int Parallelism = 8;

    public static Task<double> MeasureAsync(BenchSystem system, BenchSheets sheets, IReadOnlyList<object?[]> rows) =>
        MeasureAsync(system, $"ceiling{rows.Count}", [(sheets, rows)]);

    /// <summary>
    /// The ceiling for several uploads' rows at once (the simulation's regions: each its own partition), written into
    /// the fresh table <paramref name="tableName"/>, the partitions' transactions interleaved as they would be by
    /// uploads running together.
    /// </summary>
    public static async Task<double> MeasureAsync(BenchSystem system, string tableName, IReadOnlyList<(BenchSheets Sheets, IReadOnlyList<object?[]> Rows)> uploads)
    {
        var table = system.Table(tableName);
        await table.CreateIfNotExistsAsync();
        var entities = uploads.SelectMany(upload => upload.Rows.Select((row, i) => Entity(upload.Sheets, row, i + 2))).ToList();
        var clock = Stopwatch.StartNew();
        var batches = entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .Select(partition => partition.GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(same => same.Last()).Chunk(MaxPerTransaction).ToList())
            .ToList();
        var interleaved = Enumerable.Range(0, batches.Count == 0 ? 0 : batches.Max(b => b.Count))
            .SelectMany(i => batches.Where(b => i < b.Count).Select(b => b[i]));
        await Parallel.ForEachAsync(interleaved, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
        return entities.Count / clock.Elapsed.TotalSeconds;
    }

    private static TableEntity Entity(BenchSheets sheets, object?[] row, int sourceRow)
    {
        string? Text(int column) => row[column]?.ToString();
        string Date(int column) => row[column] is DateOnly d ? d.ToString("yyyy-MM-dd") : row[column]?.ToString() ?? "";
        var nik = Text(EnrolmentSheet.Columns.Nik) ?? "";
        return new TableEntity(sheets.ParticipantsPartition, nik)
        {
            ["Region"] = sheets.Region,
            ["AgreementNo"] = sheets.AgreementNo,
            ["FullName"] = Text(EnrolmentSheet.Columns.FullName),
            ["BirthPlace"] = Text(EnrolmentSheet.Columns.BirthPlace),
            ["BirthDate"] = Date(EnrolmentSheet.Columns.BirthDate),
            ["Gender"] = Text(EnrolmentSheet.Columns.Gender),
            ["Address"] = Text(EnrolmentSheet.Columns.Address),
            ["Village"] = Text(EnrolmentSheet.Columns.Village),
            ["District"] = Text(EnrolmentSheet.Columns.District),
            ["Phone"] = "+62" + Text(EnrolmentSheet.Columns.Phone)?.Replace("-", "").TrimStart('0'),
            ["Occupation"] = Text(EnrolmentSheet.Columns.Occupation)?.ToLowerInvariant(),
            ["Segment"] = "pekerja_rentan",
            ["CoverageStart"] = Date(EnrolmentSheet.Columns.CoverageStart),
            ["CoverageEnd"] = Date(EnrolmentSheet.Columns.CoverageEnd),
            ["MonthlyIncomeIdr"] = row[EnrolmentSheet.Columns.Income] is long income ? (double)income : null,
            ["Programs"] = "JKK,JKM",
            ["Fingerprint"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', row)))),
            ["UploadId"] = $"{sheets.Region}-0123456789abcdef0123",
            ["SourceRow"] = sourceRow,
        };
    }
}
