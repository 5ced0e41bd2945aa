using Azure.Storage.Blobs;
using Jamsostek.LocalHost.Samples;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jamsostek.LocalHost.Tests;

public sealed class SampleUploadsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "jamsostek-samples-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void AgreementSheetsOfEveryRegionComeBeforeAnyEnrolmentSheetAndComplianceSheetsAfterThem()
    {
        Write("5318/peserta-sbd.csv", "5204/kepatuhan-sumbawa.xlsx", "5204/peserta-sumbawa.xlsx", "5318/perjanjian-sbd.xlsx",
            "5318/Kepatuhan-SBD.csv", "5204/Perjanjian-Sumbawa.xlsx", "5204/.~lock.peserta-sumbawa.xlsx#", "README.md");

        var sheets = SampleUploads.Find(_folder);

        Assert.Equal(["5204/Perjanjian-Sumbawa.xlsx", "5318/perjanjian-sbd.xlsx", "5204/peserta-sumbawa.xlsx", "5318/peserta-sbd.csv",
            "5204/kepatuhan-sumbawa.xlsx", "5318/Kepatuhan-SBD.csv"],
            sheets.Select(s => s.BlobName));
    }

    [Fact]
    public async Task ARealStorageAccountNeverGetsSamples()
    {
        Write("5204/perjanjian-sumbawa.xlsx");
        // Port 9 (discard) on loopback: had anything been sent, the call would fail rather than reach a real account.
        const string real = "DefaultEndpointsProtocol=http;AccountName=jamsostekprod;AccountKey=a2V5;" +
            "BlobEndpoint=http://127.0.0.1:9/jamsostekprod;TableEndpoint=http://127.0.0.1:9/jamsostekprod";
        using var api = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var uploads = new SampleUploads(new BlobServiceClient(real), api, "a-key", NullLogger.Instance);
        using var output = new StringWriter();

        var outcomes = await uploads.RunAsync(_folder, output);

        Assert.Empty(outcomes);
        Assert.Contains("not uploaded: AzureWebJobsStorage is account jamsostekprod, not the local emulator", output.ToString());
    }

    [Fact]
    public void AnUploadStillValidatingWhenTheWaitRunsOutIsReportedAsStillValidating()
    {
        var outcome = new SampleOutcome(new SampleSheet("5204", "peserta-sumbawa-2026.xlsx", "unused"), Uploaded: true, "validating")
        {
            UploadId = "5204-0123456789abcdef0123",
            RowsRead = 312,
        };

        Assert.False(outcome.IsFinal);
        Assert.Equal(["5204/peserta-sumbawa-2026.xlsx -> still validating after 120 s (312 rows); " +
            "GET /api/uploads/5204-0123456789abcdef0123 tells when it is final"],
            outcome.Describe(TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void AFailedUploadIsFinalAndReportedWithItsReason()
    {
        var outcome = new SampleOutcome(new SampleSheet("5318", "peserta.csv", "unused"), Uploaded: false, "failed")
        {
            UploadId = "5318-0123456789abcdef0123",
            FailureReason = "Sebagian berkas tidak dapat divalidasi setelah 5 kali percobaan",
        };

        Assert.True(outcome.IsFinal);
        Assert.Equal(["5318/peserta.csv -> failed: Sebagian berkas tidak dapat divalidasi setelah 5 kali percobaan (uploaded before)"],
            outcome.Describe(TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void ADuplicateIsFinalAndNamesTheUploadHoldingItsContentWithThatUploadsStatus()
    {
        var outcome = new SampleOutcome(new SampleSheet("5204", "peserta-sumbawa-2026 (1).xlsx", "unused"), Uploaded: false, "duplicate")
        {
            UploadId = "5204-0123456789abcdef0123-456789abcdef",
            DuplicateOfFile = "5204/peserta-sumbawa-2026.xlsx",
            DuplicateOfStatus = "completed_with_errors",
        };

        Assert.True(outcome.IsFinal);
        Assert.Equal(["5204/peserta-sumbawa-2026 (1).xlsx -> duplicate of 5204/peserta-sumbawa-2026.xlsx (completed_with_errors): " +
            "the same content, not checked again (uploaded before)"],
            outcome.Describe(TimeSpan.FromSeconds(120)));
    }

    private void Write(params string[] names)
    {
        foreach (var name in names)
        {
            var path = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }
    }
}
