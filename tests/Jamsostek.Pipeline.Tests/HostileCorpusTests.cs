using System.Security.Cryptography;
using Azure.Data.Tables;
using Jamsostek.Pipeline.Tests.Infrastructure;
using Jamsostek.TestData;
using Jamsostek.TestSupport;

namespace Jamsostek.Pipeline.Tests;

/// <summary>
/// Every file of <see cref="HostileFiles.Corpus"/> uploaded together, with a valid sheet among them: each gets the
/// finding README's "File-level findings" table gives it (or is read as the data it holds), the valid sheet
/// completes meanwhile, and no uploaded blob is changed.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class HostileCorpusTests(FaultFixture system)
{
    private const string Region = "5204";

    /// <summary>The file-level finding of each rejected file of the corpus.</summary>
    public static readonly IReadOnlyDictionary<string, string> Rejected = new Dictionary<string, string>
    {
        ["zip-bomb.xlsx"] = "FILE_TOO_LARGE",
        ["billion-laughs.xlsx"] = "FILE_UNREADABLE",
        ["external-entity.xlsx"] = "FILE_UNREADABLE",
        ["encrypted.xlsx"] = "FILE_ENCRYPTED",
        ["truncated.xlsx"] = "FILE_UNREADABLE",
        ["empty.xlsx"] = "FILE_EMPTY",
        ["pdf-renamed.xlsx"] = "FILE_TYPE",
        ["png-renamed.xlsx"] = "FILE_TYPE",
        ["docx-renamed.xlsx"] = "FILE_TYPE",
        ["too-many-columns.xlsx"] = "FILE_UNREADABLE",
        ["binary-garbage.csv"] = "FILE_TYPE",
        ["entry-dot-dot.xlsx"] = "FILE_UNREADABLE",
        ["entry-absolute.xlsx"] = "FILE_UNREADABLE",
        ["entry-backslash.xlsx"] = "FILE_UNREADABLE",
        ["entry-drive.xlsx"] = "FILE_UNREADABLE",
        ["empty-zip.xlsx"] = "FILE_TYPE",
        ["header-only.xlsx"] = "FILE_EMPTY",
        ["no-header.csv"] = "HEADER_NOT_FOUND",
        ["missing-nik-column.csv"] = "HEADER_MISSING_COLUMN",
        ["duplicate-nik-column.csv"] = "HEADER_DUPLICATE_COLUMN",
        ["gzip-renamed.csv"] = "FILE_TYPE",
        ["shared-string-amplification.xlsx"] = "FILE_TOO_LARGE",
        ["xls-loop-in-sector-chain.xls"] = "FILE_UNREADABLE",
        ["xls-truncated-fat.xls"] = "FILE_UNREADABLE",
        ["xls-cut-in-half.xls"] = "FILE_UNREADABLE",
        // The record swallows the sheet list that follows it: a workbook without sheets is unreadable.
        ["xls-huge-declared-record.xls"] = "FILE_UNREADABLE",
        ["xls-sst-huge-count.xls"] = "FILE_UNREADABLE",
    };

    /// <summary>The rows read from each file of the corpus that is not rejected (odd, not hostile, or hostile only by its name).</summary>
    public static readonly IReadOnlyDictionary<string, int> Read = new Dictionary<string, int>
    {
        ["million-empty-rows.xlsx"] = 3,
        ["windows-1252.csv"] = 20,
        ["formula-injection.csv"] = 8,
        ["entry-long-name.xlsx"] = 5,
        ["entry-unicode-name.xlsx"] = 5,
        ["mixed-encodings.csv"] = 12,
        ["formula-cells.xlsx"] = 9,
        ["..\u2215..\u2215Windows\u2215peserta.csv"] = 10,
        ["%2e%2e%2f%2e%2e%2fpeserta.csv"] = 10,
        [new string('p', 1010) + ".csv"] = 10,
        ["peserta-\u00F1-\u6F22\u5B57-\u202Evsc.exe.csv"] = 10,
    };

    [Fact]
    public void TheCorpusHasAtLeastTwentyFiveFilesEachWithItsExpectedOutcome()
    {
        var names = HostileFiles.Corpus().Select(f => f.FileName).ToList();
        Assert.True(names.Count >= 25, $"the corpus has {names.Count} files");
        Assert.Equal(names.Order(StringComparer.Ordinal), Rejected.Keys.Concat(Read.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryCorpusFileGetsItsFindingWhileAValidUploadCompletesAndNoBlobIsChanged()
    {
        // The agreement the corpus's rows refer to, so the files that are read can be validated too.
        var corpusAgreement = new FaultScenario(Region, "PKS/001/BPJS-SBW/2025", 2025);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(Region, "perjanjian-korpus-2025.xlsx", corpusAgreement.AgreementXlsx())).Status);
        var valid = new FaultScenario("5316", "PKS/F05/NGK/2044", 2044);
        Assert.Equal("completed", (await system.UploadAndWaitAsync(valid.Region, "perjanjian-2044.xlsx", valid.AgreementXlsx())).Status);
        var validRows = valid.Workers(3_000, seed: 15);
        var validContent = FaultScenario.Xlsx(validRows);

        var corpus = HostileFiles.Corpus().Select(f => (f.FileName, Content: f.Content())).ToList();
        var uploaded = new List<(string Name, byte[] Content, Azure.ETag ETag, string UploadId)>();
        string? validId = null;
        for (var i = 0; i < corpus.Count; i++)
        {
            if (i == corpus.Count / 2)
            {
                validId = await system.StartUploadAsync(valid.Region, "peserta-2044.xlsx", validContent);
            }
            var (name, content) = corpus[i];
            var blob = system.Uploads.GetBlobClient($"{Region}/{name}");
            var info = await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
            uploaded.Add((name, content, info.Value.ETag, UploadIds.Of(Region, content)));
        }

        var validRecord = await system.WaitForFinalAsync(validId!, TimeSpan.FromMinutes(2));
        await Outcomes.AssertExactAsync(system, valid, validId!, validRows, validRecord);
        foreach (var (name, content, etag, uploadId) in uploaded)
        {
            UploadSummary record;
            try
            {
                record = await system.WaitForFinalAsync(uploadId, TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{Shorten(name)}: {ex.Message}", ex);
            }
            var status = record.Status;
            if (Rejected.TryGetValue(name, out var code))
            {
                Assert.True(status == "rejected" && record.RejectionCode == code,
                    $"{Shorten(name)}: {status} {record.RejectionCode}, expected rejected {code}");
                Assert.False(string.IsNullOrWhiteSpace(record.RejectionMessage));
                Assert.Empty(await system.QueryAsync("uploadchunks", TableClient.CreateQueryFilter($"PartitionKey eq {uploadId}")));
            }
            else
            {
                Assert.True(status is "completed" or "completed_with_errors", $"{Shorten(name)}: {status} {record.RejectionCode} {record.FailureReason}");
                Assert.Equal(Read[name], record.Rows.Read);
                Assert.Equal(Read[name], record.Rows.Accepted + record.Rows.Rejected);
            }

            var blob = system.Uploads.GetBlobClient($"{Region}/{name}");
            var properties = (await blob.GetPropertiesAsync()).Value;
            Assert.Equal(etag, properties.ETag);
            Assert.Equal(SHA256.HashData(content), SHA256.HashData((await blob.DownloadContentAsync()).Value.Content.ToArray()));
        }
        await Outcomes.AssertNoneInProgressAsync(system);
    }

    private static string Shorten(string name) => name.Length > 60 ? name[..60] + "..." : name;
}
