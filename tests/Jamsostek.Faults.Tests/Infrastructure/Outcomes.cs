using Azure.Data.Tables;
using Jamsostek.TestData;

namespace Jamsostek.Faults.Tests.Infrastructure;

/// <summary>What every fault test ends with: exact counts, every valid worker stored once, nothing left validating.</summary>
internal static class Outcomes
{
    public static async Task AssertExactAsync(FaultFixture system, Scenario scenario, string uploadId, IReadOnlyList<object?[]> rows, TableEntity record)
    {
        var faulty = Scenario.Faulty(rows.Count);
        Assert.Equal(faulty == 0 ? "completed" : "completed_with_errors", record.GetString("Status"));
        Assert.Equal(rows.Count, record.GetInt32("RowsRead"));
        Assert.Equal(rows.Count - faulty, record.GetInt32("RowsAccepted"));
        Assert.Equal(faulty, record.GetInt32("RowsRejected"));
        Assert.Equal((rows.Count + 999) / 1000, await system.ChunkResultsAsync(uploadId));

        var expected = rows.Where((_, i) => i % Scenario.FaultEvery != Scenario.FaultEvery / 2)
            .Select(row => (string)row[EnrolmentSheet.Columns.Nik]!).Order(StringComparer.Ordinal).ToList();
        var stored = (await system.ParticipantNiksAsync(scenario.Region, scenario.AgreementKey)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected, stored);

        var coverage = await system.QueryAsync("coverage", TableClient.CreateQueryFilter($"PartitionKey eq {scenario.Region}"));
        Assert.Equal(rows.Count - faulty, coverage.Where(c => c.GetString("AgreementNo") == scenario.AgreementNo).Sum(c => c.GetInt32("Participants") ?? 0));
    }

    /// <summary>No upload of the storage account is left received or validating.</summary>
    public static async Task AssertNoneInProgressAsync(FaultFixture system)
    {
        var uploads = await system.QueryAsync("uploads", "", ["PartitionKey", "RowKey", "Status"]);
        Assert.All(uploads, upload => Assert.DoesNotContain(upload.GetString("Status"), new[] { "received", "validating" }));
    }
}
