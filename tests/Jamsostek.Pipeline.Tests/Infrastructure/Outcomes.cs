using Azure.Data.Tables;
using Jamsostek.TestData;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests.Infrastructure;

/// <summary>What every fault test ends with: exact counts, every valid worker stored once, nothing left validating.</summary>
internal static class Outcomes
{
    public static async Task AssertExactAsync(FaultFixture system, FaultScenario scenario, string uploadId, IReadOnlyList<object?[]> rows, UploadSummary record)
    {
        var faulty = FaultScenario.Faulty(rows.Count);
        Assert.True(record.Status == (faulty == 0 ? "completed" : "completed_with_errors"),
            $"Upload {uploadId} ended {record.Status}: {record.FailureCode} {record.FailureReason}\n"
            + string.Join("\n", system.HostLogs.Lines.Where(line => line.Contains("xception", StringComparison.Ordinal) && !line.Contains("stopped answering", StringComparison.Ordinal)).Select(line => line.Length > 3000 ? line[..3000] : line).Distinct().Take(12)));
        Assert.Equal(rows.Count, record.Rows.Read);
        Assert.Equal(rows.Count - faulty, record.Rows.Accepted);
        Assert.Equal(faulty, record.Rows.Rejected);
        Assert.Equal((rows.Count + 999) / 1000, await system.ChunkResultsAsync(uploadId));

        var expected = rows.Where((_, i) => i % FaultScenario.FaultEvery != FaultScenario.FaultEvery / 2)
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
        var uploads = await system.UploadsApi.ListAsync(region: null);
        Assert.All(uploads, upload => Assert.DoesNotContain(upload.Status, new[] { "received", "validating" }));
    }
}
